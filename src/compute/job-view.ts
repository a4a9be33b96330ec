import type { JobState } from './extension.js';
import type { Job } from './schemas.js';
import type { JobsTable } from './tables.js';

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** The API shape of a stored job. */
export function toJob(row: JobsTable): Job {
  const ended = row.ended_at ? Date.parse(row.ended_at) : Date.now();
  const duration = row.started_at ? Math.max(0, (ended - Date.parse(row.started_at)) / 1000) : null;
  return {
    id: row.id,
    name: row.name,
    executor: row.executor,
    state: row.state as JobState,
    externalId: row.external_id,
    owner: row.owner,
    team: row.team,
    labels: parse(row.labels, {}),
    spec: parse(row.spec, { name: row.name }),
    exitCode: row.exit_code,
    explanation: row.explanation,
    rawState: row.raw_state,
    node: row.node,
    submittedAt: row.submitted_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSeconds: duration,
    statusAt: row.status_at,
    stale: row.stale === 1,
    tasks: parse(row.tasks, null),
    usage: parse(row.usage, null),
    cancelledBy: row.cancelled_by,
  };
}
