import type { Db } from '../core/db/database.js';
import { OPEN_STATES } from './states.js';
import type {
  RequestAttachmentsTable,
  RequestCommentsTable,
  RequestEventsTable,
  RequestsTable,
} from './tables.js';

export interface RequestFilter {
  /** Requests filed by this user … */
  requesterId?: string;
  /** … or belonging to one of these teams (both given: either matches). */
  teams?: string[];
  states?: string[];
  category?: string;
  assigneeId?: string;
  /** Open requests with a missed target at this ISO time. */
  overdueAt?: string;
  q?: string;
  before?: string;
  limit: number;
}

export type AttachmentMeta = Omit<RequestAttachmentsTable, 'content'>;

/** Requests, their comments, events and attachments: queries only, no rules. */
export class RequestStore {
  constructor(private readonly db: Db) {}

  transaction<T>(work: (store: RequestStore, trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new RequestStore(trx), trx));
  }

  async nextNumber(): Promise<number> {
    const row = await this.db
      .selectFrom('requests')
      .select((eb) => eb.fn.max('number').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  }

  insert(row: RequestsTable) {
    return this.db.insertInto('requests').values(row).execute();
  }

  get(id: string) {
    return this.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getByNumber(number: number) {
    return this.db.selectFrom('requests').selectAll().where('number', '=', number).executeTakeFirst();
  }

  update(id: string, changes: Partial<RequestsTable>) {
    return this.db.updateTable('requests').set(changes).where('id', '=', id).execute();
  }

  /** Sets a column only while it is still empty; true when this call set it (so one replica escalates). */
  async claim(id: string, column: 'first_response_escalated_at' | 'resolution_escalated_at', at: string) {
    const result = await this.db
      .updateTable('requests')
      .set({ [column]: at })
      .where('id', '=', id)
      .where(column, 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  list(filter: RequestFilter) {
    let query = this.db.selectFrom('requests').selectAll();
    if (filter.teams?.length === 0 && !filter.requesterId) return Promise.resolve([]);
    const { requesterId, teams } = filter;
    if (requesterId && teams?.length) {
      query = query.where((eb) => eb.or([eb('requester_id', '=', requesterId), eb('team', 'in', teams)]));
    } else if (requesterId) {
      query = query.where('requester_id', '=', requesterId);
    } else if (teams?.length) {
      query = query.where('team', 'in', teams);
    }
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
    if (filter.overdueAt) {
      const at = filter.overdueAt;
      query = query
        .where('state', 'in', [...OPEN_STATES])
        .where((eb) =>
          eb.or([
            eb.and([eb('first_response_at', 'is', null), eb('first_response_due_at', '<', at)]),
            eb('resolution_due_at', '<', at),
          ]),
        );
    }
    if (filter.q) {
      const q = filter.q.trim();
      const number = /^#?(\d{1,9})$/.exec(q)?.[1];
      const like = `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['title']), 'like', like),
          eb(eb.fn('lower', ['description']), 'like', like),
          ...(number ? [eb('number', '=', Number(number))] : []),
        ]),
      );
    }
    if (filter.before) query = query.where('id', '<', filter.before);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  /** Open requests whose target has passed and whose Keepers were not told yet. */
  dueForEscalation(at: string) {
    return this.db
      .selectFrom('requests')
      .selectAll()
      .where('state', 'in', [...OPEN_STATES])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('first_response_at', 'is', null),
            eb('first_response_due_at', '<', at),
            eb('first_response_escalated_at', 'is', null),
          ]),
          eb.and([eb('resolution_due_at', '<', at), eb('resolution_escalated_at', 'is', null)]),
        ]),
      )
      .orderBy('number')
      .execute();
  }

  open() {
    return this.db
      .selectFrom('requests')
      .selectAll()
      .where('state', 'in', [...OPEN_STATES])
      .execute();
  }

  createdSince(at: string) {
    return this.db.selectFrom('requests').selectAll().where('created_at', '>=', at).execute();
  }

  async countBy(column: 'state' | 'category') {
    const rows = await this.db
      .selectFrom('requests')
      .select([column, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute();
    return Object.fromEntries(rows.map((r) => [r[column] as string, Number(r.n)]));
  }

  insertComment(row: RequestCommentsTable) {
    return this.db.insertInto('request_comments').values(row).execute();
  }

  comments(requestId: string) {
    return this.db
      .selectFrom('request_comments')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  getComment(id: string) {
    return this.db.selectFrom('request_comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertEvent(row: RequestEventsTable) {
    return this.db.insertInto('request_events').values(row).execute();
  }

  events(requestId: string) {
    return this.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  insertAttachment(row: RequestAttachmentsTable) {
    return this.db.insertInto('request_attachments').values(row).execute();
  }

  attachments(requestId: string): Promise<AttachmentMeta[]> {
    return this.db
      .selectFrom('request_attachments')
      .select([
        'id',
        'request_id',
        'comment_id',
        'filename',
        'content_type',
        'size',
        'sha256',
        'uploaded_by',
        'created_at',
      ])
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  attachment(requestId: string, id: string) {
    return this.db
      .selectFrom('request_attachments')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Everyone who wrote a comment on the request, with whether they wrote as a Keeper. */
  async commenters(requestId: string) {
    return this.db
      .selectFrom('request_comments')
      .select(['author_id', 'by_keeper'])
      .distinct()
      .where('request_id', '=', requestId)
      .execute();
  }
}
