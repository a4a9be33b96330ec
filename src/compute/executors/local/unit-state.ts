import type { ExternalStatus, JobState } from '../../extension.js';

/** The state of one unit from what is known of it. */
export function unitState(u: {
  running: boolean;
  queued: boolean;
  exitCode?: number;
  signal?: number | null;
  outcome?: 'cancelled' | 'timeout';
  lost?: boolean;
}): JobState {
  if (u.outcome) return u.outcome;
  if (u.queued) return 'pending';
  if (u.running) return 'running';
  if (u.lost) return 'lost';
  if (u.exitCode === 0) return 'succeeded';
  return 'failed';
}

const FINAL_ORDER: JobState[] = ['cancelled', 'failed', 'timeout', 'lost', 'succeeded'];

/** The state of an array job from its tasks: running while any runs; otherwise its worst outcome. */
export function aggregateState(tasks: ExternalStatus[]): JobState {
  if (tasks.some((t) => t.state === 'running')) return 'running';
  if (tasks.some((t) => t.state === 'pending')) return 'pending';
  return FINAL_ORDER.find((s) => tasks.some((t) => t.state === s)) ?? 'succeeded';
}
