#!/usr/bin/env bash
# Stop the throwaway Slurm that scripts/slurm-up.sh started in DIR, and remove DIR.
#
#   scripts/slurm-down.sh DIR
#
# Cancels the cluster's jobs first (slurmd leaves running job steps behind when it stops), then
# stops slurmd, slurmctld and munged by their pid files. Safe to run twice, and on a DIR where the
# start failed half-way, but it deletes only a folder that slurm-up.sh marked as its own.
set -euo pipefail

MARKER=.plinth-slurm

log() { printf 'slurm-down: %s\n' "$*" >&2; }

[[ $# -eq 1 && -n $1 ]] || {
  log "usage: $0 DIR"
  exit 1
}
[[ -d $1 ]] || exit 0
DIR=$(cd -- "$1" && pwd -P)
CONF=$DIR/slurm.conf

if [[ ! -e $DIR/$MARKER ]]; then
  if [[ -z $(ls -A -- "$DIR") ]]; then
    rmdir -- "$DIR"
    exit 0
  fi
  log "error: $DIR was not made by slurm-up.sh; refusing to delete it"
  exit 1
fi

# Liveness from /proc, not kill -0: an exited daemon can linger as a zombie until PID 1 reaps it.
is_running() {
  local pid=$1 name=$2 stat rest
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  stat=$(<"/proc/$pid/stat") || return 1
  rest=${stat##*) }
  [[ ${rest%% *} != Z ]] || return 1
  [[ $(<"/proc/$pid/comm") == "$name" ]]
}
pid_of() { [[ -r $1 ]] && head -n 1 -- "$1" | tr -d '[:space:]'; }

stop() { # stop PIDFILE NAME: SIGTERM, then SIGKILL after 10 s
  local pid
  pid=$(pid_of "$1") || return 0
  is_running "$pid" "$2" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    is_running "$pid" "$2" || {
      log "$2 stopped (pid $pid)"
      return 0
    }
    sleep 0.05
  done
  log "$2 (pid $pid) still running after 10 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

ctld=$(pid_of "$DIR/slurmctld.pid" || true)
if [[ -s $CONF ]] && [[ -n $ctld ]] && is_running "$ctld" slurmctld; then
  export SLURM_CONF=$CONF
  # Every job of this cluster is ours: it runs only on this DIR's node. %A is a plain id (an
  # array's own id for its pending tasks), which scancel takes; %i would print 21_[0-5%2].
  mapfile -t jobs < <(timeout 10 squeue -h -o %A 2>/dev/null | sort -u)
  if ((${#jobs[@]})); then
    log "cancelling ${#jobs[@]} job(s) still in the queue"
    timeout 10 scancel --quiet "${jobs[@]}" 2>/dev/null || true
    for _ in $(seq 1 100); do
      [[ -z $(timeout 5 squeue -h -t R,CG,S -o %i 2>/dev/null) ]] && break
      sleep 0.1
    done
  fi
fi

stop "$DIR/slurmd.pid" slurmd
stop "$DIR/slurmctld.pid" slurmctld
stop "$DIR/munge/munged.pid" munged

if [[ -e $DIR/.etc-link && -L /etc/slurm/slurm.conf && $(readlink /etc/slurm/slurm.conf) == "$CONF" ]]; then
  rm -f /etc/slurm/slurm.conf
fi

rm -rf -- "$DIR"
log "stopped and removed $DIR"
