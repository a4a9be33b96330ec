import type { JobState } from '../api/job-types.js';
import type { StateTone } from '../components/StateBadge.js';

/** Each state in words and in a tone; the words always show, the tone only helps. */
export const jobStates: Record<JobState, { label: string; tone: StateTone; meaning: string }> = {
  pending: { label: 'Pending', tone: 'off', meaning: 'Accepted, waiting for a slot or for the scheduler' },
  running: { label: 'Running', tone: 'info', meaning: 'Started and not yet ended' },
  succeeded: { label: 'Succeeded', tone: 'ok', meaning: 'Ended with exit code 0' },
  failed: { label: 'Failed', tone: 'danger', meaning: 'Ended with another exit code, or was killed' },
  cancelled: { label: 'Cancelled', tone: 'off', meaning: 'Cancelled by someone' },
  timeout: { label: 'Timed out', tone: 'warn', meaning: 'Hit its time limit and was stopped' },
  lost: { label: 'Lost', tone: 'warn', meaning: 'The executor no longer knows it' },
};

/** The states in the order a person thinks of them, for filters. */
export const stateOrder: JobState[] = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timeout',
  'lost',
];

/** Whether `value` names a job state (URL values are only hints). */
export function isJobState(value: string | undefined | null): value is JobState {
  return value !== undefined && value !== null && value in jobStates;
}
