import type { Db } from '../core/db/database.js';
import type { ScaffolderTaskLogsTable, ScaffolderTasksTable } from './tables.js';

/** Kysely queries of tasks and their log lines, nothing else. */
export class TaskStore {
  constructor(private readonly db: Db) {}

  async insert(row: ScaffolderTasksTable, db: Db = this.db): Promise<void> {
    await db.insertInto('scaffolder_tasks').values(row).execute();
  }

  async get(id: string): Promise<ScaffolderTasksTable | undefined> {
    return this.db.selectFrom('scaffolder_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async update(id: string, patch: Partial<ScaffolderTasksTable>, db: Db = this.db): Promise<void> {
    await db.updateTable('scaffolder_tasks').set(patch).where('id', '=', id).execute();
  }

  /** Moves a task from `from` to running; false when another worker (or replica) took it first. */
  async claim(id: string, from: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('scaffolder_tasks')
      .set({ state: 'running', started_at: at, updated_at: at })
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(
    filter: { ownerId?: string; state?: string; template?: string },
    before: string | undefined,
    limit: number,
  ) {
    let query = this.db.selectFrom('scaffolder_tasks').selectAll();
    if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.template) query = query.where('template_ref', '=', filter.template);
    if (before) query = query.where('id', '<', before);
    return query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Ids of tasks in a state, oldest first; with `updatedBefore`, only those silent since then. */
  async idsInState(state: string, updatedBefore?: string): Promise<string[]> {
    let query = this.db.selectFrom('scaffolder_tasks').select('id').where('state', '=', state);
    if (updatedBefore) query = query.where('updated_at', '<', updatedBefore);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async appendLog(
    lines: Omit<ScaffolderTaskLogsTable, 'seq'>[],
    taskId: string,
    db: Db = this.db,
  ): Promise<void> {
    if (lines.length === 0) return;
    const last = await db
      .selectFrom('scaffolder_task_logs')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    const start = Number(last?.seq ?? 0);
    await db
      .insertInto('scaffolder_task_logs')
      .values(lines.map((line, i) => ({ ...line, seq: start + i + 1 })))
      .execute();
  }

  async logs(taskId: string, after: number, limit: number): Promise<ScaffolderTaskLogsTable[]> {
    return this.db
      .selectFrom('scaffolder_task_logs')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }
}
