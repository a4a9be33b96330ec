/** One in-app notice of one person. Times are ISO-8601 UTC. */
export interface NotificationsTable {
  /** ULID: sorts by creation, so it is also the cursor and the SSE event id. */
  id: string;
  user_id: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** A person's choice for one topic group and channel; no row means the group's default. */
export interface NotificationPreferencesTable {
  user_id: string;
  topic_group: string;
  channel: string;
  enabled: number;
  updated_at: string;
}

/** An outgoing webhook defined by Keepers; its signing secret is encrypted with the server key. */
export interface NotificationWebhooksTable {
  id: string;
  name: string;
  url: string;
  /** JSON list of topic patterns (`request.*`, `catalog.problems`, `*`). */
  topics: string;
  /** base64 of iv | ciphertext | tag (AES-256-GCM, bound to the webhook id). */
  secret_sealed: string;
  /** `config` (from plinth.yaml, read-only in the portal) or `portal` (made on the Admin page). */
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The durable outbox: one delivery to one target over one queued channel. */
export interface NotificationDeliveriesTable {
  id: string;
  channel: string;
  /** E-mail address, or webhook id. */
  target: string;
  topic: string;
  /** JSON of the message (title, body, link, actor). */
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Catalog problems already told to their team, per location, so only new ones are told. */
export interface NotificationCatalogProblemsSeenTable {
  location_id: string;
  /** sha256 of owner, entity (or file), code, field and message: stable across line moves. */
  fingerprint: string;
}

export interface NotificationsTables {
  notification_catalog_problems_seen: NotificationCatalogProblemsSeenTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_webhooks: NotificationWebhooksTable;
  notification_deliveries: NotificationDeliveriesTable;
}
