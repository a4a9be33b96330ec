import type { Principal } from '../auth/index.js';
import { PersonCache } from './people.js';
import { renderRequestMarkdown } from './render-markdown.js';
import type { RequestService, RequestServiceDeps } from './request-service.js';
import type { RequestDetail } from './schemas.js';
import { decide, OPEN_STATES, REQUEST_STATES, type RequestState } from './states.js';
import type { RequestsTable } from './tables.js';
import { toAttachment, toSummary } from './views.js';

/** One request as its page shows it: facts, rendered text, comments, history, files, and what the caller may do now. */
export async function requestDetail(
  service: RequestService,
  deps: Pick<RequestServiceDeps, 'store' | 'people' | 'now'>,
  principal: Principal,
  row: RequestsTable,
): Promise<RequestDetail> {
  const people = new PersonCache(deps.people);
  const [comments, events, attachments] = await Promise.all([
    deps.store.comments(row.id),
    deps.store.events(row.id),
    deps.store.attachments(row.id),
  ]);
  const snapshot = service.snapshot(row);
  const actor = service.actorOf(principal, row);
  // What the caller may do now: a move that passes with a placeholder reason and assignee.
  const allowed = REQUEST_STATES.filter(
    (to) =>
      to !== row.state && decide(snapshot, { to, reason: 'x', assignee: row.assignee_id ?? 'x' }, actor).ok,
  );
  return {
    ...(await toSummary(row, people, service.categories, deps.now())),
    description: row.description,
    descriptionHtml: renderRequestMarkdown(row.description),
    declineReason: row.decline_reason,
    withdrawReason: row.withdraw_reason,
    hasReply: row.has_reply === 1,
    comments: await Promise.all(
      comments.map(async (c) => ({
        id: c.id,
        author: await people.ref(c.author_id),
        byKeeper: c.by_keeper === 1,
        body: c.body,
        bodyHtml: renderRequestMarkdown(c.body),
        createdAt: c.created_at,
      })),
    ),
    events: await Promise.all(
      events.map(async (e) => ({
        id: e.id,
        kind: e.kind,
        actor: await people.maybe(e.actor_id),
        fromState: e.from_state as RequestState | null,
        toState: e.to_state as RequestState | null,
        details: JSON.parse(e.details) as Record<string, unknown>,
        at: e.at,
      })),
    ),
    attachments: await Promise.all(attachments.map((a) => toAttachment(a, people))),
    allowedTransitions: allowed,
    canReassign: actor.isKeeper && OPEN_STATES.includes(row.state as RequestState) && row.state !== 'new',
  };
}
