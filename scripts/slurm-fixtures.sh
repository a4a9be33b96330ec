#!/usr/bin/env bash
# Capture real Slurm output for the parsers' tests: runs small jobs in every state on the cluster of
# $SLURM_CONF (start one with scripts/slurm-up.sh) and writes what the Slurm CLI prints into OUT.
#
#   SLURM_CONF=/tmp/slurm/slurm.conf scripts/slurm-fixtures.sh src/compute/executors/slurm/__fixtures__
#
# Takes about 100 s (a time limit of one minute is the shortest Slurm has, and it checks limits every
# 30 s). The squeue and sacct formats are the ones slurm-cli.ts uses; its test checks they agree.
# Cancels every job it started before it exits.
set -euo pipefail

SQUEUE_FORMAT='JobID:|,ArrayJobID:|,ArrayTaskID:|,State:|,Reason:|,exit_code:|,StartTime:|,EndTime:|,NodeList:|,tres-alloc:|,TimeLimit:|,Partition:|,STDERR:|,Name:|'
SACCT_JOBCOMP_FORMAT='JobIDRaw,JobID,State,ExitCode,Start,End,ElapsedRaw,NodeList,AllocCPUS,TimelimitRaw,Partition,JobName'
SINFO_FORMAT='%P|%a|%D|%c|%m|%G|%t|%N'

log() { printf 'slurm-fixtures: %s\n' "$*" >&2; }
[[ $# -eq 1 && -n $1 ]] || {
  log "usage: SLURM_CONF=... $0 OUT"
  exit 1
}
[[ -n ${SLURM_CONF:-} ]] || {
  log 'error: SLURM_CONF is not set; start a cluster with scripts/slurm-up.sh DIR'
  exit 1
}
# Time stamps as Unix seconds: Slurm's default is local time without a zone.
export SLURM_TIME_FORMAT=%s
OUT=$(mkdir -p -- "$1" && cd -- "$1" && pwd -P)
WORK=$(mktemp -d -t plinth-slurm-fixtures.XXXXXX)
chmod 0755 "$WORK"
started=()
cleanup() {
  if ((${#started[@]})); then scancel "${started[@]}" 2>/dev/null || true; fi
  rm -rf -- "$WORK"
}
trap cleanup EXIT

submit() { # submit VAR NAME SBATCH-ARGS...: sets VAR to the job id
  local var=$1 name=$2 id
  shift 2
  id=$(sbatch --parsable -J "$name" -o "$WORK/slurm-%j.out" -e "$WORK/slurm-%j.err" "$@")
  started+=("${id%%;*}")
  printf -v "$var" '%s' "${id%%;*}"
}
queue() { squeue -h -t all -r -j "$(
  IFS=,
  echo "${started[*]}"
)" -O "$SQUEUE_FORMAT"; }
state_of() { squeue -h -t all -j "$1" -O 'State:|' | head -n 1 | tr -d '|'; }
wait_state() { # wait_state ID STATE... (up to 150 s)
  local id=$1 st
  shift
  for _ in $(seq 1 1500); do
    st=$(state_of "$id")
    for want in "$@"; do [[ $st == "$want" ]] && return 0; done
    sleep 0.1
  done
  log "job $id never reached $*; it is $st"
  return 1
}

timeout_id='' running_id='' ok_id='' fail_id='' oom_id='' array_id='' gpu_id=''
held_id='' toolong_id='' resources_id=''
log 'submitting jobs in every state (timeout first: it takes longest)'
submit timeout_id fx-timeout -p short -t 1 --wrap 'echo started; sleep 300'
# While the timeout job holds one core, these run one after the other on the other.
submit ok_id fx-ok --wrap 'echo hello'
submit fail_id fx-fail3 --wrap 'echo about to fail >&2; exit 3'
submit oom_id fx-oom --mem=50M --wrap 'python3 -c "a = bytearray(300 * 2**20); import time; time.sleep(3)"'
submit gpu_id fx-gpu --gres=gpu:a100:1 --wrap 'sleep 1'
# shellcheck disable=SC2016 # expanded by the job, not here
submit array_id fx-array -a 0-5%2 --wrap 'sleep 1; [ "$SLURM_ARRAY_TASK_ID" != 3 ] || exit 7'
submit held_id fx-held -H --wrap 'true'
submit toolong_id fx-too-long -p short -t 60 --wrap 'true'
wait_state "$ok_id" COMPLETED
wait_state "$fail_id" FAILED
wait_state "$oom_id" FAILED OUT_OF_MEMORY CANCELLED
wait_state "$gpu_id" COMPLETED
wait_state "$array_id" COMPLETED FAILED
submit running_id fx-running --wrap 'sleep 300'
wait_state "$running_id" RUNNING
# Last, or backfill would hold the short jobs back behind it: two cores, both taken now.
submit resources_id fx-big -c 2 --mem=1G --wrap 'true'
sleep 1
queue >"$OUT/squeue-mixed.txt"
log "squeue-mixed.txt: $(wc -l <"$OUT/squeue-mixed.txt") rows"
cp -- "$WORK/slurm-$oom_id.err" "$OUT/oom-stderr.txt"

scancel "$running_id"
wait_state "$running_id" CANCELLED
wait_state "$timeout_id" TIMEOUT
scancel "$held_id" "$toolong_id" "$resources_id"
sleep 1
queue >"$OUT/squeue-final.txt"
ids=$(
  IFS=,
  echo "${started[*]}"
)
sacct -c -P -n -j "$ids" -o "$SACCT_JOBCOMP_FORMAT" >"$OUT/sacct-jobcomp.txt" 2>"$OUT/sacct-jobcomp.stderr.txt"

log 'partitions and nodes'
scontrol show partition -o >"$OUT/scontrol-partitions.txt"
sinfo -h -a -o "$SINFO_FORMAT" >"$OUT/sinfo-partitions.txt"
scontrol show config >"$OUT/scontrol-config.txt"

log 'sbatch refusals'
refusal() { # refusal FILE SBATCH-ARGS...
  local file=$1
  shift
  if sbatch --parsable "$@" --wrap true >/dev/null 2>"$OUT/$file"; then
    log "error: sbatch accepted $*"
    exit 1
  fi
}
refusal sbatch-invalid-partition.txt -p nope
refusal sbatch-memory.txt --mem=999999999
refusal sbatch-gres.txt --gres=gpu:h100:1
refusal sbatch-time.txt --time=abc
refusal sbatch-constraint.txt --constraint=nosuch
sbatch --parsable --wrap true -H >"$OUT/sbatch-parsable.txt"
started+=("$(tr -d '\n' <"$OUT/sbatch-parsable.txt")")
scancel "${started[@]}" 2>/dev/null || true
log "wrote $(find "$OUT" -maxdepth 1 -type f | wc -l) files to $OUT"
