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

export const REQUEST_STATES = [
  'new',
  'triaged',
  'in_progress',
  'waiting',
  'done',
  'declined',
  'withdrawn',
] as const;
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;

/** A request is named by its number (`12`, `#12`) or its id; the API takes both. */
export function requestPath(ref: string): string {
  return `/api/requests/${encodeURIComponent(ref.replace(/^#/, ''))}`;
}
