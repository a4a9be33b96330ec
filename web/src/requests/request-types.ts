// The requests contract, typed from the server's own TypeBox schemas (types only: nothing of the
// server is bundled into the portal).
import type { Type } from 'typebox';
import type {
  AttachmentView,
  CommentView,
  Dashboard,
  EventView,
  NewRequestBody,
  RequestDetail,
  RequestOptions as RequestOptionsSchema,
  RequestSummary,
  TransitionBody,
} from '../../../src/requests/schemas.js';

export type {
  AttachmentView,
  CommentView,
  Dashboard,
  EventView,
  NewRequestBody,
  RequestDetail,
  RequestSummary,
  TransitionBody,
};
export type RequestState = RequestSummary['state'];
export type Urgency = RequestSummary['urgency'];
export type RequestOptions = Type.Static<typeof RequestOptionsSchema>;
export type RequestScope = 'mine' | 'team' | 'all';

/** What the list is asked for; every value also lives in the page URL. */
export interface RequestFilters {
  scope: RequestScope;
  state?: string;
  category?: string;
  overdue?: boolean;
  q?: string;
}

/** What a new request is about: the page it was filed from, its entity, a guide step. */
export interface RequestContext {
  path?: string;
  entity?: string;
  step?: string;
}
