import type { Job, JobState } from './job-types.js';

/** Whether a job in this state may still change: it waits for a slot or runs. */
export function isActiveState(state: JobState): boolean {
  return state === 'pending' || state === 'running';
}

/**
 * How often to ask again about jobs, in ms, or false when none of them can change any more.
 * A job that just started changes often (it may fail at once); one that has run for an hour
 * rarely does, so the pace slows down as the youngest active job ages.
 * @example refreshInterval(jobs) // 3000 while a job started a moment ago
 */
export function refreshInterval(
  jobs: readonly Pick<Job, 'state' | 'startedAt' | 'submittedAt'>[],
  now = Date.now(),
): number | false {
  const ages = jobs
    .filter((job) => isActiveState(job.state))
    .map((job) => now - Date.parse(job.startedAt ?? job.submittedAt));
  if (ages.length === 0) return false;
  const youngest = Math.min(...ages);
  if (youngest < 2 * 60_000) return 3_000;
  if (youngest < 15 * 60_000) return 10_000;
  return 30_000;
}
