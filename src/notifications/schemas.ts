import { Type } from 'typebox';

export const NotificationActor = Type.Object({ username: Type.String(), displayName: Type.String() });

export const NotificationItem = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Optional(NotificationActor),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type NotificationItem = Type.Static<typeof NotificationItem>;

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'Only notifications not read yet' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer({ description: 'How many of your notifications are unread, in all' }),
});

export const NotificationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const ChannelChoice = Type.Object({ inApp: Type.Boolean(), email: Type.Boolean() });

export const PreferenceGroup = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  channels: ChannelChoice,
  defaults: ChannelChoice,
});

export const Preferences = Type.Object({
  groups: Type.Array(PreferenceGroup),
  email: Type.Object({
    /** Whether the server sends e-mail at all (SMTP configured). */
    available: Type.Boolean(),
    /** The address e-mail goes to; null when the account has none. */
    address: Type.Union([Type.String(), Type.Null()]),
  }),
});

export const PreferencesUpdate = Type.Object({
  groups: Type.Record(
    Type.String({ maxLength: 40 }),
    Type.Record(Type.String({ maxLength: 20 }), Type.Boolean()),
    { description: 'Per group id, the channels to change: { personal: { email: false } }' },
  ),
});

export const WebhookDelivery = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const Webhook = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  topics: Type.Array(Type.String()),
  source: Type.Union([Type.Literal('config'), Type.Literal('portal')]),
  createdAt: Type.String(),
  deliveries: Type.Object({
    pending: Type.Integer(),
    failed: Type.Integer(),
    recent: Type.Array(WebhookDelivery),
  }),
});
export type Webhook = Type.Static<typeof Webhook>;

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });

export const WebhookCreate = Type.Object({
  name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$', description: 'kebab-case name' }),
  url: Type.String({ minLength: 8, maxLength: 2000 }),
  topics: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
  secret: Type.Optional(
    Type.String({ minLength: 16, maxLength: 200, description: 'Signing secret; generated when absent' }),
  ),
});

export const WebhookCreated = Type.Object({
  webhook: Webhook,
  secret: Type.String({ description: 'The signing secret: shown this once, never again' }),
});

export const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const WebhookTestResult = Type.Object({ deliveryId: Type.String() });
