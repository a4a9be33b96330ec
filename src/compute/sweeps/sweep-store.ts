import type { Db } from '../../core/db/database.js';
import type { SweepsTable, SweepTrialsTable } from '../tables.js';

const ACTIVE_SWEEP = ['running', 'stopping'];

/** Sweeps and their trials as stored. Queries only; the rules are in the service. */
export class SweepStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (store: SweepStore, trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new SweepStore(trx), trx));
  }

  insert(row: SweepsTable) {
    return this.db.insertInto('sweeps').values(row).execute();
  }

  get(id: string) {
    return this.db.selectFrom('sweeps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  update(id: string, changes: Partial<SweepsTable>) {
    return this.db.updateTable('sweeps').set(changes).where('id', '=', id).execute();
  }

  active() {
    return this.db
      .selectFrom('sweeps')
      .selectAll()
      .where('state', 'in', ACTIVE_SWEEP)
      .orderBy('id')
      .execute();
  }

  list(filter: { ownerId?: string; teams?: string[]; state?: string; before?: string; limit: number }) {
    let query = this.db.selectFrom('sweeps').selectAll();
    // No teams: nothing matches by team (an empty IN list is not valid SQL).
    if (filter.teams?.length === 0 && !filter.ownerId) return Promise.resolve([]);
    if (filter.ownerId && filter.teams?.length) {
      const teams = filter.teams;
      query = query.where((eb) =>
        eb.or([eb('owner_id', '=', filter.ownerId as string), eb('team', 'in', teams)]),
      );
    } else if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
    else if (filter.teams?.length) query = query.where('team', 'in', filter.teams);
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.before) query = query.where('id', '<', filter.before);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  trials(sweepId: string) {
    return this.db
      .selectFrom('sweep_trials')
      .selectAll()
      .where('sweep_id', '=', sweepId)
      .orderBy('number')
      .execute();
  }

  insertTrial(row: SweepTrialsTable) {
    return this.db.insertInto('sweep_trials').values(row).execute();
  }

  updateTrial(sweepId: string, number: number, changes: Partial<SweepTrialsTable>) {
    return this.db
      .updateTable('sweep_trials')
      .set(changes)
      .where('sweep_id', '=', sweepId)
      .where('number', '=', number)
      .execute();
  }

  /** A job submitted for this trial before a crash left the trial without it (found by its labels). */
  orphanJobOf(sweepId: string, number: number) {
    const labels = `${JSON.stringify({ 'plinth.sweep': sweepId }).slice(1, -1)}`;
    const trial = `${JSON.stringify({ 'plinth.trial': String(number) }).slice(1, -1)}`;
    return this.db
      .selectFrom('jobs')
      .select('id')
      .where('labels', 'like', `%${labels}%`)
      .where('labels', 'like', `%${trial}%`)
      .executeTakeFirst();
  }
}
