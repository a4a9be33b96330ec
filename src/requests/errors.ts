import { defineErrors } from '../core/errors.js';

/** Error codes of the request loop between teams and the Keepers. */
export const requestsErrors = defineErrors({
  REQUEST_NOT_FOUND: { status: 404, message: "No request '%s' that you may see" },
  REQUEST_TRANSITION_NOT_ALLOWED: { status: 409, message: '%s' },
  REQUEST_STATE_UNKNOWN: { status: 400, message: "state: '%s' is not a request state; use %s" },
  REQUEST_CATEGORY_UNKNOWN: {
    status: 400,
    message: "category: '%s' is not a category here; choose one of %s",
  },
  REQUEST_TEAM_REQUIRED: {
    status: 400,
    message: 'team: you belong to several teams (%s); say which one this request is for',
  },
  REQUEST_TEAM_NOT_YOURS: { status: 403, message: "team: you are not a member of '%s'" },
  REQUEST_ASSIGNEE_INVALID: {
    status: 400,
    message: "assignee: '%s' is not a Keeper; requests are assigned to Keepers only",
  },
  REQUEST_COMMENT_NOT_FOUND: { status: 404, message: "commentId: request #%d has no comment '%s'" },
  REQUEST_ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: 'The attachment is larger than the limit of %s (requests.attachments.maxBytes)',
  },
  REQUEST_ATTACHMENT_TYPE: {
    status: 415,
    message:
      '%s: the content is not an accepted kind of file (%s). Attach images (PNG, JPEG, GIF, WebP), PDF, or plain text (text, CSV, log, JSON, YAML)',
  },
  REQUEST_ATTACHMENT_EMPTY: { status: 400, message: '%s: the attachment is empty' },
  REQUEST_ATTACHMENT_NOT_FOUND: { status: 404, message: "Request #%d has no attachment '%s'" },
  REQUEST_ATTACHMENTS_FULL: {
    status: 409,
    message: 'Request #%d already has %d attachments, the most a request may hold',
  },
});
