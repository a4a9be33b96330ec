import type { SweepsTable, SweepTrialsTable } from '../tables.js';
import type { SWEEP_STATES } from './schemas.js';
import type { SweepSpec } from './sweep-spec.js';

/** A sweep as the API shows it. */
export function toSweep(row: SweepsTable) {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    team: row.team,
    state: row.state as (typeof SWEEP_STATES)[number],
    reason: row.reason,
    spec: JSON.parse(row.spec) as SweepSpec,
    seed: row.seed,
    trialCount: row.trial_count,
    best: row.best_trial === null ? null : { trial: row.best_trial, value: row.best_value },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
  };
}

export function toTrial(row: SweepTrialsTable) {
  return {
    number: row.number,
    params: JSON.parse(row.params) as Record<string, unknown>,
    state: row.state,
    jobId: row.job_id,
    task: row.task,
    value: row.value,
    intermediate: JSON.parse(row.intermediate) as [number, number][],
    metrics: JSON.parse(row.metrics) as Record<string, number>,
    error: row.error,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}
