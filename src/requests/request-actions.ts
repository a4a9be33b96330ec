import type { Actor, AuditLog, Principal } from '../auth/index.js';
import { newId } from '../core/time.js';
import { requestsErrors } from './errors.js';
import { mentionedUsernames } from './mentions.js';
import { excerpt, type RequestNotices } from './notices.js';
import type { People } from './people.js';
import { renderRequestMarkdown } from './render-markdown.js';
import type { RequestService } from './request-service.js';
import type { RequestStore } from './request-store.js';
import type { CommentView, RequestDetail, TransitionBody } from './schemas.js';
import { decide, FINAL_STATES, type RequestState } from './states.js';
import type { RequestsTable } from './tables.js';

/** What changes a request after filing: comments and moves, with their events, audit and notices. */
export class RequestActions {
  constructor(
    private readonly service: RequestService,
    private readonly store: RequestStore,
    private readonly audit: AuditLog,
    private readonly people: People,
    private readonly notices: RequestNotices,
  ) {}

  /** A Keeper's act other than on their own request is the first response the targets measure. */
  private isResponse(principal: Principal, row: RequestsTable): boolean {
    return principal.role === 'keeper' && row.requester_id !== principal.user.id;
  }

  async comment(principal: Principal, actor: Actor, id: string, body: string): Promise<CommentView> {
    const row = await this.service.visible(principal, id);
    const now = this.service.nowIso();
    const byKeeper = principal.role === 'keeper';
    const response = this.isResponse(principal, row);
    // The requester's answer to a question puts a waiting request back in the Keepers' hands.
    const answers =
      row.state === 'waiting' &&
      decide(this.service.snapshot(row), { to: 'in_progress' }, this.service.actorOf(principal, row)).ok &&
      !byKeeper;
    const commentId = newId();
    const updated: RequestsTable = {
      ...row,
      has_reply: response ? 1 : row.has_reply,
      first_response_at: row.first_response_at ?? (response ? now : null),
      state: answers ? 'in_progress' : row.state,
      updated_at: now,
    };
    await this.store.transaction(async (store, trx) => {
      await store.insertComment({
        id: commentId,
        request_id: row.id,
        author_id: principal.user.id,
        body,
        by_keeper: byKeeper ? 1 : 0,
        created_at: now,
      });
      await store.update(row.id, {
        has_reply: updated.has_reply,
        first_response_at: updated.first_response_at,
        state: updated.state,
        updated_at: now,
      });
      await this.service.event(store, row.id, principal.user.id, 'commented', null, null, { commentId }, now);
      if (answers) {
        await this.service.event(
          store,
          row.id,
          principal.user.id,
          'moved',
          'waiting',
          'in_progress',
          { verb: 'answer' },
          now,
        );
      }
      await this.audit.record(
        actor,
        { action: 'requests.comment', target: `#${row.number}`, details: { id: row.id, commentId } },
        trx,
      );
    });
    await this.notifyComment(principal, updated, body);
    if (answers)
      await this.notices.moved(updated, 'waiting', principal.user.display_name, principal.user.id, false);
    return {
      id: commentId,
      author: {
        id: principal.user.id,
        username: principal.user.username,
        displayName: principal.user.display_name,
      },
      byKeeper,
      body,
      bodyHtml: renderRequestMarkdown(body),
      createdAt: now,
    };
  }

  /** The other side hears of a comment; a mentioned person who may see the request hears of the mention. */
  private async notifyComment(principal: Principal, row: RequestsTable, body: string) {
    const mentioned: string[] = [];
    for (const username of mentionedUsernames(body)) {
      const person = await this.people.byUsername(username);
      if (!person || person.disabled) continue;
      const asPrincipal = { ...principal, role: person.role as Principal['role'] };
      if (await this.service.maySee(asPrincipal, row, person.id)) mentioned.push(person.id);
    }
    const keepersWhoTookPart = (await this.store.commenters(row.id))
      .filter((c) => c.by_keeper === 1)
      .map((c) => c.author_id);
    const others = [row.requester_id, row.assignee_id ?? '', ...keepersWhoTookPart].filter(
      (id) => id && !mentioned.includes(id),
    );
    const name = principal.user.display_name;
    const text = excerpt(body);
    await this.notices.commented(row, others, name, principal.user.id, text);
    await this.notices.mentioned(row, mentioned, name, principal.user.id, text);
  }

  async transition(
    principal: Principal,
    actor: Actor,
    id: string,
    body: TransitionBody,
  ): Promise<RequestDetail> {
    const row = await this.service.visible(principal, id);
    let assigneeId: string | undefined;
    let assigneeName = '';
    if (body.assignee !== undefined) {
      const person = await this.people.byUsername(body.assignee);
      if (person?.role !== 'keeper' || person.disabled) {
        throw requestsErrors.REQUEST_ASSIGNEE_INVALID.create([body.assignee]);
      }
      assigneeId = person.id;
      assigneeName = person.displayName;
    }
    const from = row.state as RequestState;
    const decision = decide(
      this.service.snapshot(row),
      { to: body.to, reason: body.reason, assignee: assigneeId },
      this.service.actorOf(principal, row),
    );
    if (!decision.ok) {
      throw requestsErrors.REQUEST_TRANSITION_NOT_ALLOWED.create([decision.message], {
        details: { from, to: body.to },
      });
    }
    const now = this.service.nowIso();
    const next = decision.next;
    const assignmentChanged = next.assigneeId !== row.assignee_id;
    const updated: RequestsTable = {
      ...row,
      state: next.state,
      assignee_id: next.assigneeId,
      has_reply: next.hasReply ? 1 : 0,
      decline_reason: next.declineReason,
      withdraw_reason: next.withdrawReason,
      first_response_at: row.first_response_at ?? (this.isResponse(principal, row) ? now : null),
      closed_at: FINAL_STATES.includes(next.state) ? now : null,
      updated_at: now,
    };
    await this.store.transaction(async (store, trx) => {
      const { id: _id, number: _n, ...changes } = updated;
      await store.update(row.id, changes);
      if (from !== next.state) {
        await this.service.event(
          store,
          row.id,
          principal.user.id,
          'moved',
          from,
          next.state,
          { verb: decision.verb, reason: body.reason?.trim() || undefined },
          now,
        );
      }
      if (assignmentChanged) {
        await this.service.event(
          store,
          row.id,
          principal.user.id,
          'assigned',
          null,
          null,
          { assignee: body.assignee },
          now,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'requests.transition',
          target: `#${row.number}`,
          details: { id: row.id, from, to: next.state, assignee: body.assignee },
        },
        trx,
      );
    });
    const byKeeper = principal.role === 'keeper';
    if (assignmentChanged) await this.notices.assigned(updated, assigneeName, principal.user.id);
    if (from !== next.state && !(assignmentChanged && next.state === 'triaged')) {
      await this.notices.moved(updated, from, principal.user.display_name, principal.user.id, byKeeper);
    }
    return this.service.detail(principal, updated);
  }
}
