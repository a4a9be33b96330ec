#!/usr/bin/env bash
# Stop the throwaway PostgreSQL cluster that scripts/pg-up.sh started in DIR, and remove DIR.
#
#   scripts/pg-down.sh DIR
#
# Safe to run twice, and on a DIR where the start failed half-way: it stops what runs and deletes
# the folder, but only a folder that pg-up.sh marked as its own.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
MARKER=.plinth-pg

log() { printf 'pg-down: %s\n' "$*" >&2; }

[[ $# -eq 1 && -n $1 ]] || {
  log "usage: $0 DIR"
  exit 1
}
[[ -d $1 ]] || exit 0
DIR=$(cd -- "$1" && pwd -P)
DATA=$DIR/data

if [[ ! -e $DIR/$MARKER ]]; then
  if [[ -z $(ls -A -- "$DIR") ]]; then
    rmdir -- "$DIR"
    exit 0
  fi
  log "error: $DIR was not made by pg-up.sh; refusing to delete it"
  exit 1
fi

# Liveness from /proc, not kill -0: an exited postmaster can linger as a zombie until PID 1 reaps it.
is_running() {
  local pid=$1 stat rest
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  stat=$(<"/proc/$pid/stat") || return 1
  rest=${stat##*) }
  [[ ${rest%% *} != Z ]] || return 1
  [[ $(<"/proc/$pid/comm") == postgres* ]]
}

pid=
[[ -r $DATA/postmaster.pid ]] && pid=$(head -n 1 "$DATA/postmaster.pid")
if [[ -n $pid ]] && is_running "$pid"; then
  if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
    # Immediate shutdown: the data is thrown away anyway, and a stuck cluster must not outlive CI.
    log "fast stop failed; sending SIGQUIT to $pid"
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      is_running "$pid" || break
      sleep 0.1
    done
    if is_running "$pid"; then
      log "postmaster $pid still running; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
fi

rm -rf -- "$DIR"
log "stopped and removed $DIR"
