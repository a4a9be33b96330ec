import type { JobState } from '../../extension.js';

/**
 * Every job state Slurm has (slurm.h `job_states` and the flag states squeue and sacct print),
 * mapped onto Plinth's states. The explanation of a finished job keeps Slurm's word (rawState).
 */
export const STATE_MAP = {
  // Waiting.
  PENDING: 'pending',
  REQUEUED: 'pending', // back in the queue after a failure or preemption; it will run again
  REQUEUE_FED: 'pending',
  REQUEUE_HOLD: 'pending',
  RESV_DEL_HOLD: 'pending',
  CONFIGURING: 'pending', // nodes allocated but still booting: the program has not started
  POWER_UP_NODE: 'pending',
  // Holding resources.
  RUNNING: 'running',
  COMPLETING: 'running', // the program ended; Slurm is cleaning up (epilog), the result is not final yet
  SUSPENDED: 'running', // paused by an admin or gang scheduling; it resumes where it stopped
  STOPPED: 'running', // SIGSTOP: paused but still holds its resources
  RESIZING: 'running',
  SIGNALING: 'running',
  STAGE_OUT: 'running', // burst buffer stage-out after the program ended
  UPDATE_DB: 'running',
  // Ended.
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  OUT_OF_MEMORY: 'failed',
  NODE_FAIL: 'failed',
  BOOT_FAIL: 'failed',
  LAUNCH_FAILED: 'failed',
  RECONFIG_FAIL: 'failed',
  SPECIAL_EXIT: 'failed', // requeued in a held state because of its exit code (RequeueExitHold)
  PREEMPTED: 'failed', // stopped for a higher-priority job, not requeued: the work did not finish
  CANCELLED: 'cancelled',
  REVOKED: 'cancelled', // federation: a sibling cluster started it, so this copy was removed
  TIMEOUT: 'timeout',
  DEADLINE: 'timeout', // could not finish before its --deadline
} as const satisfies Record<string, JobState>;

export type SlurmState = keyof typeof STATE_MAP;

/** squeue's and sacct's short codes (`%t`, `-o stateCompact`) for the same states. */
export const COMPACT_STATES: Record<string, SlurmState> = {
  PD: 'PENDING',
  R: 'RUNNING',
  CG: 'COMPLETING',
  CD: 'COMPLETED',
  CF: 'CONFIGURING',
  F: 'FAILED',
  CA: 'CANCELLED',
  TO: 'TIMEOUT',
  OOM: 'OUT_OF_MEMORY',
  NF: 'NODE_FAIL',
  PR: 'PREEMPTED',
  BF: 'BOOT_FAIL',
  DL: 'DEADLINE',
  S: 'SUSPENDED',
  ST: 'STOPPED',
  RQ: 'REQUEUED',
  RH: 'REQUEUE_HOLD',
  RF: 'REQUEUE_FED',
  RS: 'RESIZING',
  RV: 'REVOKED',
  SE: 'SPECIAL_EXIT',
  SI: 'SIGNALING',
  SO: 'STAGE_OUT',
  RD: 'RESV_DEL_HOLD',
};

export interface MappedState {
  state: JobState;
  /** Slurm's own word, normalised (`CANCELLED by 0` → `CANCELLED`). */
  rawState: string;
  /** Who cancelled, when sacct says (`CANCELLED by 1000`): a uid. */
  cancelledByUid?: number;
  known: boolean;
}

/**
 * Maps what squeue or sacct print as a state: `RUNNING`, `CANCELLED by 0`, `CANCELLED+`, `CD`.
 * An unknown word (a newer Slurm) maps to running when the job has started, else pending, so that
 * it keeps being polled until it reaches a state Plinth knows.
 */
export function mapState(text: string, started = false): MappedState {
  const value = text.trim();
  const by = /\bby (\d+)\b/.exec(value);
  const word = (value.split(/[\s+]/)[0] ?? '').toUpperCase();
  const name = (COMPACT_STATES[word] ?? word) as string;
  if (Object.hasOwn(STATE_MAP, name)) {
    return {
      state: STATE_MAP[name as SlurmState],
      rawState: name,
      known: true,
      ...(by ? { cancelledByUid: Number(by[1]) } : {}),
    };
  }
  return { state: started ? 'running' : 'pending', rawState: name || 'UNKNOWN', known: false };
}
