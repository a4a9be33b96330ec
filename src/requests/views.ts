import type { CategoryConfig } from './config-schema.js';
import type { PersonCache } from './people.js';
import type { AttachmentMeta } from './request-store.js';
import type { AttachmentView, RequestSummary } from './schemas.js';
import { OPEN_STATES, type RequestState } from './states.js';
import type { RequestsTable } from './tables.js';
import { overdue, type Urgency } from './targets.js';

/** A request row as lists show it, with its targets judged at `nowMs`. */
export async function toSummary(
  row: RequestsTable,
  people: PersonCache,
  categories: CategoryConfig[],
  nowMs: number,
): Promise<RequestSummary> {
  const open = OPEN_STATES.includes(row.state as RequestState);
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    category: row.category,
    // A category removed from the config keeps its requests; they show its key.
    categoryTitle: categories.find((c) => c.name === row.category)?.title ?? row.category,
    urgency: row.urgency as Urgency,
    state: row.state as RequestState,
    team: row.team,
    requester: await people.ref(row.requester_id),
    assignee: await people.maybe(row.assignee_id),
    context: { path: row.context_path, entity: row.context_entity, step: row.context_step },
    proposalId: row.proposal_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    firstResponseAt: row.first_response_at,
    closedAt: row.closed_at,
    overdue: overdue(
      {
        open,
        firstResponseAt: row.first_response_at,
        firstResponseDueAt: row.first_response_due_at,
        resolutionDueAt: row.resolution_due_at,
      },
      nowMs,
    ),
  };
}

export async function toAttachment(row: AttachmentMeta, people: PersonCache): Promise<AttachmentView> {
  return {
    id: row.id,
    commentId: row.comment_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    uploadedBy: await people.ref(row.uploaded_by),
    createdAt: row.created_at,
    url: `/api/requests/${encodeURIComponent(row.request_id)}/attachments/${encodeURIComponent(row.id)}`,
  };
}
