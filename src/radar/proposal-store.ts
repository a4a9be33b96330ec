import type { Db } from '../core/db/database.js';
import type { RadarCommentsTable, RadarProposalsTable, RadarVotesTable } from './tables.js';

export interface ProposalFilter {
  state?: string;
  technologyRef?: string;
  proposerId?: string;
  /** Number of the last proposal of the previous page (lists run newest first). */
  before?: number;
  limit: number;
}

/** Proposals, their votes and comments as stored. Queries only. */
export class ProposalStore {
  constructor(private readonly db: Db) {}

  /** Inserts with the next number; a concurrent insert taking the same number is retried. */
  async insert(row: Omit<RadarProposalsTable, 'number'>, db: Db = this.db): Promise<RadarProposalsTable> {
    for (let attempt = 0; ; attempt++) {
      const last = await db
        .selectFrom('radar_proposals')
        .select((eb) => eb.fn.max('number').as('n'))
        .executeTakeFirst();
      const full = { ...row, number: Number(last?.n ?? 0) + 1 };
      try {
        await db.insertInto('radar_proposals').values(full).execute();
        return full;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  /** By id, or by number when the key is all digits (`12`, `#12`). */
  find(key: string, db: Db = this.db) {
    const number = /^#?\d{1,9}$/.test(key) ? Number(key.replace('#', '')) : null;
    const query = db.selectFrom('radar_proposals').selectAll();
    return (
      number !== null ? query.where('number', '=', number) : query.where('id', '=', key)
    ).executeTakeFirst();
  }

  list(filter: ProposalFilter) {
    let query = this.db.selectFrom('radar_proposals').selectAll();
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.technologyRef) query = query.where('technology_ref', '=', filter.technologyRef);
    if (filter.proposerId) query = query.where('proposer_id', '=', filter.proposerId);
    if (filter.before !== undefined) query = query.where('number', '<', filter.before);
    return query
      .orderBy('number', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  all() {
    return this.db.selectFrom('radar_proposals').selectAll().execute();
  }

  update(id: string, changes: Partial<RadarProposalsTable>, db: Db = this.db) {
    return db.updateTable('radar_proposals').set(changes).where('id', '=', id).execute();
  }

  /** Moves an open proposal to a final state; false when it was no longer open (someone was faster). */
  async close(id: string, changes: Partial<RadarProposalsTable>, db: Db = this.db): Promise<boolean> {
    const result = await db
      .updateTable('radar_proposals')
      .set(changes)
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  votes(proposalId: string, db: Db = this.db) {
    return db
      .selectFrom('radar_votes')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('at')
      .orderBy('voter_key')
      .execute();
  }

  /** A later vote of the same voter (a Keeper, or a team) replaces the earlier one. */
  async putVote(row: RadarVotesTable, db: Db = this.db): Promise<void> {
    await db
      .deleteFrom('radar_votes')
      .where('proposal_id', '=', row.proposal_id)
      .where('voter_key', '=', row.voter_key)
      .execute();
    await db.insertInto('radar_votes').values(row).execute();
  }

  comments(proposalId: string) {
    return this.db
      .selectFrom('radar_comments')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('id')
      .execute();
  }

  addComment(row: RadarCommentsTable, db: Db = this.db) {
    return db.insertInto('radar_comments').values(row).execute();
  }
}
