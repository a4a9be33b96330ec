import type { Db } from '../core/db/database.js';
import type { JobsTable } from './tables.js';

export interface JobFilter {
  ownerId?: string;
  teams?: string[];
  state?: string;
  executor?: string;
  label?: [string, string];
  /** Text in the name. */
  q?: string;
  before?: string;
  limit: number;
}

const ACTIVE = ['pending', 'running'];

/** Jobs as Plinth knows them: pages never wait on a scheduler, they read this. Queries only. */
export class JobStore {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction, with a store bound to it (and the transaction, for the audit log). */
  transaction<T>(work: (store: JobStore, trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new JobStore(trx), trx));
  }

  insert(row: JobsTable) {
    return this.db.insertInto('jobs').values(row).execute();
  }

  get(id: string) {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  update(id: string, changes: Partial<JobsTable>) {
    return this.db.updateTable('jobs').set(changes).where('id', '=', id).execute();
  }

  list(filter: JobFilter) {
    let query = this.db.selectFrom('jobs').selectAll();
    // No teams: nothing matches by team (an empty IN list is not valid SQL).
    if (filter.teams?.length === 0 && !filter.ownerId) return Promise.resolve([]);
    if (filter.ownerId && filter.teams?.length) {
      const teams = filter.teams;
      query = query.where((eb) =>
        eb.or([eb('owner_id', '=', filter.ownerId as string), eb('team', 'in', teams)]),
      );
    } else if (filter.ownerId) {
      query = query.where('owner_id', '=', filter.ownerId);
    } else if (filter.teams?.length) {
      query = query.where('team', 'in', filter.teams);
    }
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.executor) query = query.where('executor', '=', filter.executor);
    if (filter.label) {
      // Labels are few and small; a LIKE on the JSON text finds the exact "key":"value" pair.
      query = query.where(
        'labels',
        'like',
        `%${JSON.stringify({ [filter.label[0]]: filter.label[1] }).slice(1, -1)}%`,
      );
    }
    if (filter.before) query = query.where('id', '<', filter.before);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  /** Pending and running jobs of one executor: what a poll cycle asks about. */
  active(executor: string) {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('executor', '=', executor)
      .where('state', 'in', ACTIVE)
      .where('external_id', 'is not', null)
      .execute();
  }

  /** Records that the executor confirmed these jobs as they are, in a few statements. */
  async confirm(ids: string[], at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.db
        .updateTable('jobs')
        .set({ status_at: at })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }

  async countActiveOfTeam(team: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('team', '=', team)
      .where('state', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  markStale(executor: string) {
    return this.db
      .updateTable('jobs')
      .set({ stale: 1 })
      .where('executor', '=', executor)
      .where('state', 'in', ACTIVE)
      .execute();
  }
}
