#!/usr/bin/env bash
# Start a throwaway single-node Slurm (munged + slurmctld + slurmd) in DIR for tests, as root on a
# machine without systemd. Installs nothing: CI installs `slurm-wlm munge` with apt first.
#
#   scripts/slurm-up.sh DIR      prints `export SLURM_CONF=DIR/slurm.conf` as its last line
#   eval "$(scripts/slurm-up.sh /tmp/slurm | tail -n 1)"
#
# Everything (config, munge key and socket, state, spool, logs, pid files, jobcomp.txt) lives in
# DIR, so scripts/slurm-down.sh DIR removes every trace. Running it again starts only the daemons
# that are not running (a test stops slurmctld and calls it again to bring it back with its state).
# Partitions: `debug` (default, no time limit) and `short` (MaxTime=10 minutes).
# GPUs: $SLURM_FAKE_GPUS (default `a100:2,t4:1`; empty for none) declares GPU gres backed by empty
# files in DIR, so that forms read real GPU types from sinfo and --gres requests really schedule.
# No job sees a device: they are for scheduling only.
# Ports: $SLURM_CTLD_PORT (6817) and the next one for slurmd; the next free pair when busy.
set -euo pipefail

MARKER=.plinth-slurm

log() { printf 'slurm-up: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

[[ $# -eq 1 && -n $1 ]] || die "usage: $0 DIR"
[[ $(id -u) -eq 0 ]] || die "run as root: munged runs as the munge user through runuser, slurmd as root"
for bin in munged mungekey slurmctld slurmd sinfo sbatch squeue scontrol; do
  command -v "$bin" >/dev/null ||
    die "'$bin' not found; install Slurm and munge first: apt-get install -y slurm-wlm munge"
done
id -u munge >/dev/null 2>&1 || die "no munge user; install munge: apt-get install -y munge"

mkdir -p -- "$1"
DIR=$(cd -- "$1" && pwd -P)
CONF=$DIR/slurm.conf
MUNGE=$DIR/munge
SOCKET=$MUNGE/munge.socket.2

# slurm-down.sh deletes DIR, so refuse any folder that is neither empty nor ours.
if [[ ! -e $DIR/$MARKER ]] && [[ -n $(ls -A -- "$DIR") ]]; then
  die "$DIR is neither empty nor a folder made by slurm-up.sh; refusing to touch it"
fi
touch -- "$DIR/$MARKER"
((${#SOCKET} < 100)) || die "path too long for a Unix socket: $SOCKET (use a shorter DIR)"

# Liveness from /proc, not kill -0: an exited daemon can linger as a zombie until PID 1 reaps it.
is_running() {
  local pid=$1 name=$2 stat rest
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  stat=$(<"/proc/$pid/stat") || return 1
  rest=${stat##*) } # fields after "pid (comm) "; comm itself may contain spaces
  [[ ${rest%% *} != Z ]] || return 1
  [[ $(<"/proc/$pid/comm") == "$name" ]]
}
pid_of() { [[ -r $1 ]] && head -n 1 -- "$1" | tr -d '[:space:]'; }
alive() { # alive PIDFILE NAME
  local pid
  pid=$(pid_of "$1") && is_running "$pid" "$2"
}
wait_for() { # wait_for SECONDS CMD...: polls every 20 ms
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.02
  done
}

export SLURM_CONF=$CONF

# munged runs as the munge user and insists that every folder above its socket is executable by
# all (mktemp -d makes 0700): "Socket is inaccessible: execute permissions for all required".
parent=$DIR
while :; do
  if (($(stat -c '0%a' -- "$parent") & 0111 ^ 0111)); then
    log "granting traverse permission (a+x) on $parent, as munged requires"
    chmod a+x -- "$parent"
  fi
  [[ $parent == / ]] && break
  parent=$(dirname -- "$parent")
done

# --- munged: its own key and socket in DIR/munge (0755 and owned by munge, or munged refuses) ---
if ! alive "$MUNGE/munged.pid" munged; then
  mkdir -p -- "$MUNGE"
  chown munge:munge -- "$MUNGE"
  chmod 0755 -- "$MUNGE"
  if [[ ! -s $MUNGE/munge.key ]]; then
    runuser -u munge -- mungekey --create --keyfile="$MUNGE/munge.key" >/dev/null 2>&1 ||
      die "mungekey could not create $MUNGE/munge.key"
  fi
  rm -f -- "$SOCKET" "$SOCKET.lock"
  runuser -u munge -- munged --socket="$SOCKET" --key-file="$MUNGE/munge.key" \
    --pid-file="$MUNGE/munged.pid" --log-file="$MUNGE/munged.log" --seed-file="$MUNGE/munged.seed" ||
    die "munged did not start; see $MUNGE/munged.log"
  wait_for 10 test -S "$SOCKET" || die "munged did not create $SOCKET; see $MUNGE/munged.log"
  log "munged started (pid $(pid_of "$MUNGE/munged.pid"))"
fi

# --- slurm.conf: written once, so a restart keeps the ports and the node it was made with ---
port_is_busy() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

write_conf() {
  local hw cpus boards sockets cores threads mem port
  hw=$(slurmd -C | head -n 1) || die "slurmd -C failed"
  field() { sed -n "s/.*\\b$1=\\([0-9]*\\).*/\\1/p" <<<"$hw"; }
  cpus=$(field CPUs) boards=$(field Boards) sockets=$(field SocketsPerBoard)
  cores=$(field CoresPerSocket) threads=$(field ThreadsPerCore) mem=$(field RealMemory)
  [[ -n $cpus && -n $mem ]] || die "could not read the hardware from 'slurmd -C': $hw"
  # Headroom: slurmd drains a node whose RealMemory is above what it measures.
  mem=$((mem > 2048 ? mem - 512 : mem * 3 / 4))
  port=${SLURM_CTLD_PORT:-6817}
  for _ in $(seq 1 20); do
    port_is_busy "$port" || port_is_busy "$((port + 1))" || break
    log "port $port or $((port + 1)) is busy, trying $((port + 2))"
    port=$((port + 2))
  done
  mkdir -p -- "$DIR/state" "$DIR/spool" "$DIR/log"
  local gres='' gres_conf='AutoDetect=off' spec type count index=0 files specs
  local fake=${SLURM_FAKE_GPUS-a100:2,t4:1}
  if [[ -n $fake ]]; then
    mkdir -p -- "$DIR/fake-gpu"
    IFS=, read -r -a specs <<<"$fake"
    for spec in "${specs[@]}"; do
      [[ $spec =~ ^([a-z0-9_]+):([1-8])$ ]] || die "SLURM_FAKE_GPUS: '$spec' is not TYPE:COUNT (e.g. a100:2)"
      type=${BASH_REMATCH[1]} count=${BASH_REMATCH[2]} files=()
      for _ in $(seq 1 "$count"); do
        # gres/gpu wants a File per GPU; slurmd logs "not a valid character or block device" and
        # counts it anyway, which is all a test cluster needs.
        touch -- "$DIR/fake-gpu/gpu$index"
        files+=("$DIR/fake-gpu/gpu$index")
        index=$((index + 1))
      done
      gres+=${gres:+,}gpu:$type:$count
      gres_conf+=$'\n'"NodeName=localhost Name=gpu Type=$type File=$(
        IFS=,
        echo "${files[*]}"
      )"
    done
  fi
  printf '%s\n' "$gres_conf" >"$DIR/gres.conf"
  cat >"$CONF.tmp" <<EOF
# Written by scripts/slurm-up.sh: a single-node test cluster, loopback only, everything in $DIR.
ClusterName=plinth
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
# Without this slurmctld and slurmd listen on 0.0.0.0.
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
# No cgroups needed.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# Without it a job gets all the node's memory under CR_*_Memory, so jobs run one at a time.
DefMemPerCPU=100
SchedulerType=sched/backfill
# The default starts jobs only every ~3 s.
SchedulerParameters=batch_sched_delay=0,bf_interval=1
MpiDefault=none
${gres:+GresTypes=gpu}
MailProg=/bin/true
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/jobcomp.txt
# Not in a bare setup, needed to test "out of memory": without cgroups, this samples each job's
# memory every second and kills it past its request (FAILED, signal 9, the numbers in its stderr).
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=task=1
JobAcctGatherParams=OverMemoryKill
ReturnToService=2
# Finished jobs stay in squeue for 5 minutes; after that only jobcomp.txt (sacct -c) knows them.
MinJobAge=300
# Seconds between SIGTERM and SIGKILL for a cancelled or timed-out job (default 30).
KillWait=5
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus Boards=${boards:-1} SocketsPerBoard=${sockets:-1} CoresPerSocket=${cores:-$cpus} ThreadsPerCore=${threads:-1} RealMemory=$mem${gres:+ Gres=$gres} State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
PartitionName=short Nodes=localhost MaxTime=10 DefaultTime=1 State=UP
EOF
  mv -- "$CONF.tmp" "$CONF"
}
[[ -s $CONF ]] || write_conf

# Clients without SLURM_CONF read /etc/slurm/slurm.conf, which the package does not create.
# Link it only when nothing is there, and remember that we did so that slurm-down removes only ours.
if [[ ! -e /etc/slurm/slurm.conf && ! -L /etc/slurm/slurm.conf ]]; then
  mkdir -p /etc/slurm
  ln -s -- "$CONF" /etc/slurm/slurm.conf
  touch -- "$DIR/.etc-link"
fi

# --- slurmctld (-i: keep going past a damaged state file; the saved jobs are recovered) ---
if ! alive "$DIR/slurmctld.pid" slurmctld; then
  rm -f -- "$DIR/slurmctld.pid"
  slurmctld -i -f "$CONF" || die "slurmctld did not start; see $DIR/log/slurmctld.log"
  wait_for 15 alive "$DIR/slurmctld.pid" slurmctld ||
    die "slurmctld did not stay up; see $DIR/log/slurmctld.log"
  log "slurmctld started (pid $(pid_of "$DIR/slurmctld.pid"))"
fi

# --- slurmd: the host is not called localhost, so name the node explicitly ---
if ! alive "$DIR/slurmd.pid" slurmd; then
  rm -f -- "$DIR/slurmd.pid"
  slurmd -N localhost -f "$CONF" || die "slurmd did not start; see $DIR/log/slurmd.log"
  wait_for 15 alive "$DIR/slurmd.pid" slurmd || die "slurmd did not stay up; see $DIR/log/slurmd.log"
  log "slurmd started (pid $(pid_of "$DIR/slurmd.pid"))"
fi

node_ready() {
  local state
  state=$(sinfo -h -n localhost -o %t 2>/dev/null | head -n 1) || return 1
  [[ $state == idle* || $state == mix* || $state == alloc* ]]
}
if ! wait_for 30 node_ready; then
  sinfo -N -l >&2 || true
  die "the node did not become idle; see $DIR/log/slurmctld.log and $DIR/log/slurmd.log"
fi

log "ready: $(sinfo -h -o '%P %a %l %D %t' | tr '\n' ';')"
printf 'export SLURM_CONF=%s\n' "$CONF"
