/** A request from a team to the Keepers. Times are ISO-8601 UTC strings. */
export interface RequestsTable {
  id: string;
  /** Short human number (#12), unique, in filing order. */
  number: number;
  title: string;
  description: string;
  category: string;
  urgency: string;
  state: string;
  team: string | null;
  requester_id: string;
  assignee_id: string | null;
  context_path: string | null;
  context_entity: string | null;
  /** A guide step the request is about (`page#step`). */
  context_step: string | null;
  proposal_id: string | null;
  decline_reason: string | null;
  withdraw_reason: string | null;
  /** A Keeper has written to the requester since filing: closing as done needs it. */
  has_reply: number;
  created_at: string;
  updated_at: string;
  first_response_due_at: string;
  resolution_due_at: string;
  first_response_at: string | null;
  closed_at: string | null;
  /** When the Keepers were told the first response is late; set once, so it never repeats. */
  first_response_escalated_at: string | null;
  resolution_escalated_at: string | null;
}

export interface RequestCommentsTable {
  id: string;
  request_id: string;
  author_id: string;
  body: string;
  /** Whether the author was a Keeper when writing (the reply that counts for targets). */
  by_keeper: number;
  created_at: string;
}

/** Who did what when on a request: filing, moves, assignments, comments, attachments, escalations. */
export interface RequestEventsTable {
  id: string;
  request_id: string;
  actor_id: string | null;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  details: string;
  at: string;
}

export interface RequestAttachmentsTable {
  id: string;
  request_id: string;
  comment_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: string;
  content: Buffer;
}

export interface RequestsTables {
  requests: RequestsTable;
  request_comments: RequestCommentsTable;
  request_events: RequestEventsTable;
  request_attachments: RequestAttachmentsTable;
}
