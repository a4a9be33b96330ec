/** One notification of the signed-in person, as GET /api/notifications gives it. */
export interface NotificationItem {
  id: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  actor?: { username: string; displayName: string };
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

export interface PreferenceGroup {
  id: string;
  title: string;
  description: string;
  channels: ChannelChoice;
  defaults: ChannelChoice;
}

export interface NotificationPreferences {
  groups: PreferenceGroup[];
  email: { available: boolean; address: string | null };
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface WebhookDelivery {
  id: string;
  topic: string;
  title: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Webhook {
  id: string;
  name: string;
  url: string;
  topics: string[];
  source: 'config' | 'portal';
  createdAt: string;
  deliveries: { pending: number; failed: number; recent: WebhookDelivery[] };
}

export interface NewWebhook {
  name: string;
  url: string;
  topics: string[];
}
