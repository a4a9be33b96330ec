#!/bin/bash
# One array task: $PARAMS holds its line of params/params.txt.
set -euo pipefail
# shellcheck disable=SC2086 # the parameters are meant to split into arguments
{{ parameters.command }}
