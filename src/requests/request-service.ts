import type { Actor, AuditLog, Principal } from '../auth/index.js';
import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { newId } from '../core/time.js';
import type { CategoryConfig, RequestsConfig } from './config-schema.js';
import { requestsErrors } from './errors.js';
import type { RequestNotices } from './notices.js';
import { type People, PersonCache } from './people.js';
import { requestDetail } from './request-detail.js';
import type { RequestStore } from './request-store.js';
import type { NewRequestBody, RequestDetail, RequestListQuery } from './schemas.js';
import {
  OPEN_STATES,
  REQUEST_STATES,
  type RequestSnapshot,
  type RequestState,
  type TransitionActor,
} from './states.js';
import type { RequestsTable } from './tables.js';
import { dueTimes } from './targets.js';
import { toSummary } from './views.js';

export interface RequestServiceDeps {
  store: RequestStore;
  audit: AuditLog;
  people: People;
  notices: RequestNotices;
  config: RequestsConfig;
  /** The clock every due time and overdue judgement reads; tests move it. */
  now: () => number;
}

/** The rules of requests: who files, sees, comments on and moves which request. */
export class RequestService {
  constructor(private readonly deps: RequestServiceDeps) {}

  get categories(): CategoryConfig[] {
    return this.deps.config.categories;
  }

  nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  category(name: string): CategoryConfig {
    const found = this.categories.find((c) => c.name === name);
    if (!found) {
      throw requestsErrors.REQUEST_CATEGORY_UNKNOWN.create([
        name,
        this.categories.map((c) => c.name).join(', '),
      ]);
    }
    return found;
  }

  /** What a form needs: categories, the caller's teams, the Keepers to assign to. */
  async options(principal: Principal) {
    const keepers = await this.deps.people.keepers();
    return {
      categories: this.categories.map((c) => ({ ...c, description: c.description ?? '' })),
      urgencyFactors: { ...this.deps.config.urgencyFactors },
      teams: await this.deps.people.teamsOf(principal.user.id),
      keepers: keepers.map((k) => ({ id: k.id, username: k.username, displayName: k.displayName })),
      maxAttachmentBytes: this.deps.config.attachments.maxBytes,
    };
  }

  private async teamFor(principal: Principal, wanted: string | undefined): Promise<string | null> {
    const teams = await this.deps.people.teamsOf(principal.user.id);
    if (wanted) {
      if (!teams.includes(wanted) && principal.role !== 'keeper') {
        throw requestsErrors.REQUEST_TEAM_NOT_YOURS.create([wanted]);
      }
      return wanted;
    }
    if (teams.length > 1) throw requestsErrors.REQUEST_TEAM_REQUIRED.create([teams.join(', ')]);
    return teams[0] ?? null;
  }

  async file(principal: Principal, actor: Actor, body: NewRequestBody): Promise<RequestDetail> {
    const category = this.category(body.category);
    const team = await this.teamFor(principal, body.team);
    const urgency = body.urgency ?? 'normal';
    const nowMs = this.deps.now();
    const now = new Date(nowMs).toISOString();
    const due = dueTimes(nowMs, category, urgency, this.deps.config.urgencyFactors);
    const id = newId();
    const row = await this.insertNumbered(async (number, store, trx) => {
      const row: RequestsTable = {
        id,
        number,
        title: body.title.trim(),
        description: body.description ?? '',
        category: category.name,
        urgency,
        state: 'new',
        team,
        requester_id: principal.user.id,
        assignee_id: null,
        context_path: body.context?.path ?? null,
        context_entity: body.context?.entity ?? null,
        context_step: body.context?.step ?? null,
        proposal_id: body.proposalId ?? null,
        decline_reason: null,
        withdraw_reason: null,
        has_reply: 0,
        created_at: now,
        updated_at: now,
        first_response_due_at: due.firstResponseDueAt,
        resolution_due_at: due.resolutionDueAt,
        first_response_at: null,
        closed_at: null,
        first_response_escalated_at: null,
        resolution_escalated_at: null,
      };
      await store.insert(row);
      await this.event(
        store,
        row.id,
        principal.user.id,
        'filed',
        null,
        'new',
        { number, category: category.name },
        now,
      );
      await this.deps.audit.record(
        actor,
        {
          action: 'requests.file',
          target: `#${number}`,
          details: { id, category: category.name, team, urgency },
        },
        trx,
      );
      return row;
    });
    const keepers = (await this.deps.people.keepers()).map((k) => k.id);
    await this.deps.notices.filed(row, keepers, principal.user.display_name, category.title);
    return this.detail(principal, row);
  }

  /** Numbers are max + 1; two replicas filing at once collide on the unique number, and retry. */
  private async insertNumbered(
    work: (number: number, store: RequestStore, trx: Db) => Promise<RequestsTable>,
  ): Promise<RequestsTable> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.store.transaction(async (store, trx) =>
          work(await store.nextNumber(), store, trx),
        );
      } catch (error) {
        const message = String((error as Error).message);
        if (attempt >= 4 || !/unique|duplicate/i.test(message)) throw error;
      }
    }
  }

  event(
    store: RequestStore,
    requestId: string,
    actorId: string | null,
    kind: string,
    from: string | null,
    to: string | null,
    details: Record<string, unknown>,
    at: string,
  ) {
    return store.insertEvent({
      id: newId(),
      request_id: requestId,
      actor_id: actorId,
      kind,
      from_state: from,
      to_state: to,
      details: JSON.stringify(details),
      at,
    });
  }

  /** Whether `principal` may see `row`: a Keeper, the requester, or a member of its team. */
  async maySee(principal: Principal, row: RequestsTable, userId = principal.user.id): Promise<boolean> {
    if (principal.role === 'keeper' || row.requester_id === userId) return true;
    return row.team !== null && (await this.deps.people.teamsOf(userId)).includes(row.team);
  }

  /** The request by id or number (`12`, `#12`), if `principal` may see it; 404 otherwise, as jobs do. */
  async visible(principal: Principal, idOrNumber: string): Promise<RequestsTable> {
    const number = /^#?(\d{1,9})$/.exec(idOrNumber)?.[1];
    const row = number
      ? await this.deps.store.getByNumber(Number(number))
      : await this.deps.store.get(idOrNumber);
    if (!row || !(await this.maySee(principal, row)))
      throw requestsErrors.REQUEST_NOT_FOUND.create([idOrNumber]);
    return row;
  }

  async list(principal: Principal, query: RequestListQuery) {
    const limit = query.limit ?? 50;
    const scope = query.scope ?? 'mine';
    const teams = await this.deps.people.teamsOf(principal.user.id);
    const seeAll = scope === 'all' && principal.role === 'keeper';
    const states = parseStates(query.state);
    let assigneeId: string | undefined;
    if (query.assignee) {
      const person =
        query.assignee === 'me' ? principal.user : await this.deps.people.byUsername(query.assignee);
      assigneeId = person?.id ?? 'nobody';
    }
    const rows = await this.deps.store.list({
      requesterId: seeAll || scope === 'team' ? undefined : principal.user.id,
      teams: seeAll ? undefined : scope === 'mine' ? undefined : teams,
      states,
      category: query.category,
      assigneeId,
      overdueAt: query.overdue ? this.nowIso() : undefined,
      q: query.q,
      before: decodeCursor(query.cursor),
      limit,
    });
    const people = new PersonCache(this.deps.people);
    const nowMs = this.deps.now();
    const page = toPage(
      rows,
      limit,
      (r) => r.id,
      (r) => r,
    );
    return {
      items: await Promise.all(page.items.map((r) => toSummary(r, people, this.categories, nowMs))),
      nextCursor: page.nextCursor,
    };
  }

  async get(principal: Principal, id: string): Promise<RequestDetail> {
    return this.detail(principal, await this.visible(principal, id));
  }

  snapshot(row: RequestsTable): RequestSnapshot {
    return {
      state: row.state as RequestState,
      assigneeId: row.assignee_id,
      hasReply: row.has_reply === 1,
      declineReason: row.decline_reason,
      withdrawReason: row.withdraw_reason,
    };
  }

  actorOf(principal: Principal, row: RequestsTable): TransitionActor {
    return { isKeeper: principal.role === 'keeper', isRequester: row.requester_id === principal.user.id };
  }

  detail(principal: Principal, row: RequestsTable): Promise<RequestDetail> {
    return requestDetail(this, this.deps, principal, row);
  }
}

function parseStates(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value === 'open') return [...OPEN_STATES];
  if (value === 'closed') return ['done', 'declined', 'withdrawn'];
  const states = value.split(',').map((s) => s.trim().replace(/ /g, '_'));
  const unknown = states.filter((s) => !(REQUEST_STATES as readonly string[]).includes(s));
  if (unknown.length) {
    throw requestsErrors.REQUEST_STATE_UNKNOWN.create([
      unknown.join(', '),
      [...REQUEST_STATES, 'open', 'closed'].join(', '),
    ]);
  }
  return states;
}
