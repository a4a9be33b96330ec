import { defineErrors } from '../core/errors.js';

/** Error codes of notifications: the inbox, preferences and outgoing webhooks. */
export const notificationsErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, message: "You have no notification '%s'" },
  NOTIFICATION_INVALID_CURSOR: { status: 400, message: 'cursor: not a cursor this list gave out' },
  NOTIFICATION_UNKNOWN_GROUP: {
    status: 400,
    message: "groups: '%s' is not a topic group; known groups: %s",
  },
  NOTIFICATION_UNKNOWN_CHANNEL: {
    status: 400,
    message: "groups.%s: '%s' is not a channel people choose; use inApp or email",
  },
  WEBHOOK_NOT_FOUND: { status: 404, message: "No webhook '%s'" },
  WEBHOOK_NAME_TAKEN: { status: 409, message: "name: a webhook named '%s' already exists" },
  WEBHOOK_INVALID_URL: {
    status: 400,
    message: "url: '%s' is not an http:// or https:// address",
  },
  WEBHOOK_INVALID_TOPIC: {
    status: 400,
    message: "topics: '%s' is not a topic pattern (dotted lower-case words, `*` as the last part)",
  },
  WEBHOOK_FROM_CONFIG: {
    status: 409,
    message:
      "Webhook '%s' is defined in the server config; change it there (notifications.webhooks.endpoints)",
  },
});
