import type { Task } from './schemas.js';
import type { ScaffolderTasksTable } from './tables.js';

/** The API shape of a stored task. */
export function toTask(row: ScaffolderTasksTable): Task {
  return {
    id: row.id,
    templateRef: row.template_ref,
    templateTitle: row.template_title,
    owner: row.owner,
    state: row.state as Task['state'],
    attempt: row.attempt,
    parameters: JSON.parse(row.parameters),
    steps: JSON.parse(row.steps),
    checks: JSON.parse(row.checks),
    output: JSON.parse(row.output),
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}
