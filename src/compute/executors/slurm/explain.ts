import { formatMb, formatMinutes, roundUpMemoryMb } from './units.js';

/** What is known about a finished Slurm job, from squeue, sacct and its stderr. */
export interface EndFacts {
  /** Slurm's state word: COMPLETED, FAILED, OUT_OF_MEMORY, TIMEOUT... */
  rawState: string;
  /** Slurm's reason code (`NonZeroExitCode`, `TimeLimit`, `JobLaunchFailure`...). */
  reason?: string | null;
  exitCode?: number | null;
  signal?: number | null;
  started?: boolean;
  node?: string | null;
  timeLimitMinutes?: number | null;
  requestedMemoryMb?: number | null;
  /** Peak memory from accounting (sacct MaxRSS). */
  maxRssMb?: number | null;
  /** What slurmstepd wrote when it killed the job for its memory: `exceeded memory limit (used > limit)`. */
  memoryKill?: { usedMb: number; limitMb: number } | null;
  /** Who cancelled: a Plinth user, or a uid from sacct. */
  cancelledBy?: string | null;
}

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  6: 'SIGABRT (the program aborted)',
  7: 'SIGBUS (a memory access error)',
  9: 'SIGKILL',
  11: 'SIGSEGV (a crash: the program read memory it does not own)',
  15: 'SIGTERM',
};

function outOfMemory(f: EndFacts): string {
  const asked = f.memoryKill?.limitMb ?? f.requestedMemoryMb ?? null;
  const used = f.memoryKill?.usedMb ?? f.maxRssMb ?? null;
  const askedText = asked ? ` of the ${formatMb(asked)} it asked for` : '';
  const suggestion =
    used && asked && used > asked * 0.9 ? `, e.g. ${formatMb(roundUpMemoryMb(used * 1.25))}` : '';
  if (used) {
    return `Out of memory: it used ${formatMb(used)}${askedText} and was stopped. Ask for more memory (resources.memoryMb)${suggestion}.`;
  }
  return `Out of memory: it needed more than${asked ? ` the ${formatMb(asked)}` : ' the memory'} it asked for and was stopped. Ask for more memory (resources.memoryMb).`;
}

/** Killed by SIGKILL at its memory request: how jobacct_gather's OverMemoryKill ends a job, seen in accounting. */
function killedAtMemoryLimit(f: EndFacts): boolean {
  return f.signal === 9 && !!f.maxRssMb && !!f.requestedMemoryMb && f.maxRssMb >= f.requestedMemoryMb * 0.95;
}

function failed(f: EndFacts): string {
  if (f.memoryKill || killedAtMemoryLimit(f)) return outOfMemory(f);
  if (f.exitCode !== null && f.exitCode !== undefined && f.exitCode > 0) {
    const hint =
      f.exitCode === 127
        ? ' The shell did not find the command: check its name and the PATH on the cluster.'
        : f.exitCode === 126
          ? ' The command is not executable: check its permissions.'
          : ' Its last lines are in the log (stderr).';
    return `Exited with code ${f.exitCode}: the program reported an error.${hint}`;
  }
  if (f.signal) return `Stopped by signal ${f.signal} (${SIGNALS[f.signal] ?? 'a signal'}).`;
  if (f.reason === 'JobLaunchFailure' || !f.started) {
    return `Slurm could not start it${f.node ? ` on ${f.node}` : ''}: often a working directory or output folder that the node cannot see. Check the paths, then submit it again.`;
  }
  return 'Failed, without an exit code: see the log (stderr).';
}

/**
 * Why a Slurm job ended, in plain words, with what to do about it; undefined when the state is
 * not final.
 * @example explainEnd({ rawState: 'TIMEOUT', timeLimitMinutes: 10 }) // 'Hit its time limit of 10 minutes…'
 */
export function explainEnd(f: EndFacts): string | undefined {
  switch (f.rawState) {
    case 'COMPLETED':
      return 'Finished successfully (exit code 0).';
    case 'FAILED':
    case 'LAUNCH_FAILED':
    case 'RECONFIG_FAIL':
      return failed(f);
    case 'OUT_OF_MEMORY':
      return outOfMemory(f);
    case 'TIMEOUT':
      return `Hit its time limit${f.timeLimitMinutes ? ` of ${formatMinutes(f.timeLimitMinutes)}` : ''} and was stopped. Ask for more time (resources.timeLimitMinutes), or save progress regularly so that a new job can resume.`;
    case 'DEADLINE':
      return 'Could not finish before its deadline and was stopped; ask for a later deadline or less work per job.';
    case 'CANCELLED':
      return `Cancelled${f.cancelledBy ? ` by ${f.cancelledBy}` : ''}${f.started ? '' : ' while it was still waiting in the queue'}.`;
    case 'NODE_FAIL':
      return `The node it ran on${f.node ? ` (${f.node})` : ''} failed; the job itself was not at fault. Submit it again.`;
    case 'BOOT_FAIL':
      return 'The node chosen for it failed to boot; the job itself was not at fault. Submit it again.';
    case 'PREEMPTED':
      return 'Preempted: Slurm stopped it to make room for a job with a higher priority. Submit it again, or choose a partition without preemption, and save progress regularly so that it can resume.';
    case 'SPECIAL_EXIT':
      return `Ended with an exit code${f.exitCode ? ` (${f.exitCode})` : ''} that this cluster holds for a second look; ask its administrators.`;
    case 'REVOKED':
      return 'Removed here because another cluster of the federation started it.';
    default:
      return undefined;
  }
}

const WAITING: Record<string, string> = {
  Priority: 'Waiting for jobs with a higher priority to start first.',
  Resources: 'Waiting for enough free CPUs, memory or GPUs.',
  JobHeldUser: 'Held: it starts only once it is released.',
  JobHeldAdmin: 'Held by an administrator.',
  Dependency: 'Waiting for the jobs it depends on to end.',
  DependencyNeverSatisfied: 'It depends on a job that failed, so it will never start; cancel it.',
  BeginTime: 'Waiting for its start time.',
  JobArrayTaskLimit: 'Waiting: the array already runs as many tasks at once as it allows (%N).',
  PartitionTimeLimit:
    'It asks for more time than its partition allows, so it will never start: cancel it and ask for less time or another partition.',
  PartitionNodeLimit: 'It asks for more nodes than its partition allows, so it will never start.',
  PartitionConfig:
    'It asks for more than any node of its partition has (CPUs, memory or GPUs), so it will never start.',
  BadConstraints: 'No node matches what it asks for (features, GPUs or memory), so it will never start.',
  ReqNodeNotAvail: 'The nodes it needs are not available (down, drained or reserved).',
  PartitionDown: 'Its partition is down; it starts when the partition is up again.',
  PartitionInactive: 'Its partition is inactive; it starts when the partition is up again.',
  NodeDown: 'A node it needs is down.',
  Reservation: 'Waiting for its reservation to start.',
  Licenses: 'Waiting for software licenses.',
  Cleaning: 'Waiting: Slurm is still cleaning up after an earlier run of it.',
  Prolog: 'Starting: the node runs its prolog.',
};

/**
 * A pending job's reason in plain words (`Resources` → "Waiting for enough free CPUs…"), with
 * Slurm's code kept in brackets; limits of accounts and QOS (`QOSMaxJobsPerUserLimit`) get one line.
 */
export function describeReason(reason: string | null | undefined): string | undefined {
  if (!reason) return undefined;
  const known = WAITING[reason];
  if (known) return `${known} (${reason})`;
  if (/^(QOS|Assoc)/.test(reason)) return `Waiting: a limit of your account or QOS is reached (${reason}).`;
  if (/^ReqNodeNotAvail/.test(reason)) return `The nodes it needs are not available (${reason}).`;
  return `Waiting (${reason}).`;
}
