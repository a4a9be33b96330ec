import { type ExecutorInfo, JOB_STATES, type Job, type JobDetail, shortId } from './job-api.js';
import { fields, table, when } from './output.js';

/**
 * A job's state, with the time it dates from when the executor could not be reached lately.
 * @example jobState(job) // 'running (stale, as of 14:05 UTC)'
 */
export function jobState(job: Pick<Job, 'state' | 'stale' | 'statusAt'>): string {
  if (!job.stale || job.statusAt === null) return job.state;
  return `${job.state} (stale, as of ${job.statusAt.slice(11, 16)} UTC)`;
}

/**
 * A duration in the two largest units that matter.
 * @example formatDuration(3725) // '1h 02m'
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '-';
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor(s / 60) % 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor(s / 3600) % 24}h`;
}

/**
 * How long ago a timestamp was, roughly; a date once it is a month old.
 * @example ago('2025-01-31T14:00:00Z', Date.parse('2025-01-31T14:05:00Z')) // '5m ago'
 */
export function ago(timestamp: string, now: number = Date.now()): string {
  const seconds = Math.floor((now - Date.parse(timestamp)) / 1000);
  if (!Number.isFinite(seconds)) return '-';
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  if (seconds < 30 * 86_400) return `${Math.floor(seconds / 86_400)}d ago`;
  return timestamp.slice(0, 10);
}

/**
 * The tasks of an array job, counted by state; the indices of those that did not succeed.
 * @example tasksSummary(tasks) // '10 tasks: 9 succeeded, 1 failed (3)'
 */
export function tasksSummary(tasks: NonNullable<Job['tasks']>): string {
  const counts = JOB_STATES.map((state) => [state, tasks.filter((t) => t.state === state).length] as const);
  const parts = counts.filter(([, count]) => count > 0).map(([state, count]) => `${count} ${state}`);
  const bad = tasks.filter((t) => ['failed', 'timeout', 'lost'].includes(t.state)).map((t) => t.index);
  const which = bad.length > 0 && bad.length <= 10 ? ` (${bad.join(', ')})` : '';
  return `${tasks.length} task${tasks.length === 1 ? '' : 's'}: ${parts.join(', ')}${which}`;
}

/** Jobs as a table; the id column shows the last characters of each id. */
export function jobsTable(jobs: readonly Job[], now: number = Date.now()): string {
  return table(jobs, [
    { heading: 'id', cell: (job) => shortId(job.id) },
    { heading: 'name', cell: (job) => job.name },
    { heading: 'state', cell: jobState },
    { heading: 'executor', cell: (job) => job.executor },
    { heading: 'duration', cell: (job) => formatDuration(job.durationSeconds) },
    { heading: 'submitted', cell: (job) => ago(job.submittedAt, now) },
  ]);
}

/** One job: state and why, timings, where it ran, its tasks and labels. */
export function jobDetail(job: JobDetail): string {
  const labels = Object.entries(job.labels).map(([key, value]) => `${key}=${value}`);
  const pairs: [string, string][] = [
    ['id', job.id],
    ['name', job.name],
    ['state', jobState(job)],
    ['explanation', job.explanation ?? '-'],
    ['executor', executorText(job)],
    ['owner', job.team === null ? job.owner : `${job.owner} (team ${job.team})`],
    ['submitted', when(job.submittedAt)],
    ['started', when(job.startedAt)],
    ['ended', when(job.endedAt)],
    ['duration', formatDuration(job.durationSeconds)],
    ['exit code', job.exitCode === null ? '-' : String(job.exitCode)],
    ['node', job.node ?? '-'],
  ];
  if (job.spec.array !== undefined) pairs.push(['array', job.spec.array]);
  if (job.tasks !== null) pairs.push(['tasks', tasksSummary(job.tasks)]);
  pairs.push(['labels', labels.join(', ') || '-']);
  if (job.cancelledBy !== null) pairs.push(['cancelled by', job.cancelledBy]);
  return fields(pairs);
}

/** The executor, with its own id of the job when that says more than Plinth's (a Slurm job id). */
function executorText(job: Job): string {
  if (job.externalId === null || job.externalId === job.id) return job.executor;
  return `${job.executor} (its id: ${job.externalId})`;
}

/** The line `job submit` prints on stderr once the server has the job. */
export function submittedLine(job: Job): string {
  const team = job.team === null ? '' : `, team ${job.team}`;
  const array = job.spec.array === undefined ? '' : `, array ${job.spec.array}`;
  return `Submitted job ${shortId(job.id)} (${job.name}) to ${job.executor}${team}${array}: ${job.state}.`;
}

/** The line that says how a job ended, e.g. `Job 1A2B3C4D failed after 3s: Exited with code 7.` */
export function endedLine(job: Job): string {
  const after = job.durationSeconds === null ? '' : ` after ${formatDuration(job.durationSeconds)}`;
  const why = job.explanation === null ? '' : `: ${job.explanation}`;
  return `Job ${shortId(job.id)} ${job.state}${after}${why}`;
}

/** The executors as a table: which is the default, and what each can do. */
export function executorsTable(items: readonly ExecutorInfo[]): string {
  return table(items, [
    { heading: 'name', cell: (e) => e.name },
    { heading: 'default', cell: (e) => (e.default ? 'yes' : '-') },
    {
      heading: 'can',
      cell: (e) =>
        Object.entries(e.capabilities)
          .filter(([, value]) => value === true)
          .map(([key]) => key)
          .join(',') || '-',
    },
    { heading: 'description', cell: (e) => e.description },
  ]);
}
