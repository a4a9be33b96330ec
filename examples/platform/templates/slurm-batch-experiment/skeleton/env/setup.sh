#!/bin/bash
# Environment of every task: modules, a virtual environment, thread counts.
export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-{{ parameters.cpus }}}"
export PYTHONUNBUFFERED=1
if command -v module >/dev/null 2>&1; then
  module purge
fi
if [[ -f .venv/bin/activate ]]; then
  # shellcheck disable=SC1091
  source .venv/bin/activate
fi
mkdir -p logs results
