import type { StateTone } from '../components/StateBadge.js';
import type { StepState, TaskState } from './template-types.js';

/** How each task state reads and feels. */
export const taskStates: Record<TaskState, { label: string; tone: StateTone }> = {
  queued: { label: 'Queued', tone: 'off' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Succeeded', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** How each step state reads and feels. */
export const stepStates: Record<StepState, { label: string; tone: StateTone }> = {
  pending: { label: 'Waiting', tone: 'off' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'off' },
};

/** Whether a task is over. */
export function isFinished(state: TaskState): boolean {
  return state === 'succeeded' || state === 'failed';
}
