import type { Type } from 'typebox';
import type {
  CommentView as CommentViewSchema,
  RequestDetail as RequestDetailSchema,
  RequestOptions as RequestOptionsSchema,
  RequestSummary as RequestSummarySchema,
} from '../requests/schemas.js';

export type RequestSummary = Type.Static<typeof RequestSummarySchema>;
export type RequestDetail = Type.Static<typeof RequestDetailSchema>;
export type RequestComment = Type.Static<typeof CommentViewSchema>;
export type RequestOptions = Type.Static<typeof RequestOptionsSchema>;

// The CLI offers the same states and urgencies the server's rules know.
export { REQUEST_STATES } from '../requests/states.js';
export { URGENCIES } from '../requests/targets.js';

/** A request is named by its number (`12`, `#12`) or its id; the API takes both. */
export function requestPath(ref: string): string {
  return `/api/requests/${encodeURIComponent(ref.replace(/^#/, ''))}`;
}
