#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster in DIR for tests, as root on a machine without systemd.
#
#   scripts/pg-up.sh DIR        prints postgres://postgres@127.0.0.1:PORT/plinth_test as its last line
#
# Port: $PGPORT, else 55432; the next free one is taken when that is busy. Everything (data, socket,
# logs) lives in DIR, so scripts/pg-down.sh DIR removes every trace. Running it again on a live
# cluster only prints the URL. Durability is switched off: the data is meant to be thrown away.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB_NAME=plinth_test
MARKER=.plinth-pg

log() { printf 'pg-up: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

[[ $# -eq 1 && -n $1 ]] || die "usage: $0 DIR"
[[ $(id -u) -eq 0 ]] || die "run as root: the cluster runs as the postgres user through runuser"
[[ -x $PGBIN/initdb ]] || die "$PGBIN/initdb not found; install postgresql-15"
id -u postgres >/dev/null 2>&1 || die "no postgres user; install postgresql-15"

mkdir -p -- "$1"
DIR=$(cd -- "$1" && pwd -P)
DATA=$DIR/data
SOCK=$DIR/socket

# The script chowns DIR and pg-down.sh deletes it, so refuse any folder that is not ours or empty.
if [[ ! -e $DIR/$MARKER ]] && [[ -n $(ls -A -- "$DIR") ]]; then
  die "$DIR is neither empty nor a folder made by pg-up.sh; refusing to touch it"
fi

# Liveness from /proc, not kill -0: an exited postmaster can linger as a zombie until PID 1 reaps it.
is_running() {
  local pid=$1 stat rest
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  stat=$(<"/proc/$pid/stat") || return 1
  rest=${stat##*) } # fields after "pid (comm) "; comm itself may contain spaces
  [[ ${rest%% *} != Z ]] || return 1
  [[ $(<"/proc/$pid/comm") == postgres* ]]
}

postmaster_pid() {
  [[ -r $DATA/postmaster.pid ]] && head -n 1 "$DATA/postmaster.pid"
}

if pid=$(postmaster_pid) && is_running "$pid" && [[ -s $DIR/url ]]; then
  log "already running (pid $pid)"
  cat "$DIR/url"
  exit 0
fi

# runuser gives up root, so the postgres user must be able to walk down to DIR (mktemp -d makes 0700).
parent=$(dirname -- "$DIR")
while :; do
  if ! runuser -u postgres -- test -x "$parent"; then
    log "granting traverse permission on $parent to the postgres user"
    chmod o+x -- "$parent"
  fi
  [[ $parent == / ]] && break
  parent=$(dirname -- "$parent")
done
touch -- "$DIR/$MARKER"
chown postgres:postgres -- "$DIR"
chmod 0755 -- "$DIR"

# A Unix socket path may not exceed 107 bytes; failing here beats a cryptic postmaster log line.
((${#SOCK} + 20 < 108)) || die "path too long for a Unix socket: $SOCK (use a shorter DIR)"

as_pg() { runuser -u postgres -- "$@"; }

if [[ ! -s $DATA/PG_VERSION ]]; then
  as_pg mkdir -p "$SOCK"
  as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$DIR/initdb.log" 2>&1 || die "initdb failed; see $DIR/initdb.log"
  as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<EOF
# Added by pg-up.sh: loopback only, socket inside DIR, no durability (throwaway test data).
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi

# Lock files naming a dead (or zombie) postmaster would make the next start refuse to run.
if pid=$(postmaster_pid) && ! is_running "$pid"; then
  log "removing the lock files of a postmaster that is gone (pid $pid)"
  rm -f -- "$DATA/postmaster.pid" "$SOCK"/.s.PGSQL.*
fi

# Connecting proves a port is taken (something listening on 0.0.0.0 answers on 127.0.0.1 too).
port_is_busy() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

port=${PGPORT:-55432}
started=
for _ in $(seq 1 20); do
  if port_is_busy "$port"; then
    log "port $port is busy, trying $((port + 1))"
    port=$((port + 1))
    continue
  fi
  # -p on the command line keeps postgresql.conf unchanged between attempts.
  if as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DIR/postgres.log" -o "-p $port" -w -t 30 start >"$DIR/pg_ctl.log" 2>&1; then
    started=1
    break
  fi
  # Someone may have grabbed the port between the check and the bind: try the next one.
  if tail -n 20 "$DIR/postgres.log" 2>/dev/null | grep -q 'could not bind\|Address already in use'; then
    port=$((port + 1))
    continue
  fi
  break
done
if [[ -z $started ]]; then
  tail -n 20 "$DIR/postgres.log" >&2 2>/dev/null || true
  die "PostgreSQL did not start; see $DIR/postgres.log"
fi

psql_q() { "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }
if [[ -z $(psql_q -c "select 1 from pg_database where datname = '$DB_NAME'") ]]; then
  psql_q -c "create database $DB_NAME" >/dev/null
fi

url="postgres://postgres@127.0.0.1:$port/$DB_NAME"
printf '%s\n' "$url" >"$DIR/url"
log "started on port $port (pid $(postmaster_pid)), logs in $DIR"
printf '%s\n' "$url"
