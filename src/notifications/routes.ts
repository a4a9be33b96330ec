import { Type } from 'typebox';
import { type AuditLog, actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import type { Inbox } from './inbox.js';
import type { LiveBus } from './live-bus.js';
import type { PreferenceStore } from './preferences.js';
import {
  NotificationItem,
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  Preferences,
  PreferencesUpdate,
  UnreadCount,
} from './schemas.js';
import { streamInbox } from './stream.js';

export interface InboxRouteParts {
  inbox: Inbox;
  bus: LiveBus;
  preferences: PreferenceStore;
  audit: AuditLog;
  email: { available: boolean };
  closing: AbortSignal;
}

/** A person's own notifications and choices; the person is always the caller, never a parameter. */
export function notificationRoutes(app: TypedApp, parts: InboxRouteParts) {
  const tags = ['notifications'];
  const me = (request: { principal?: Principal | null }) => request.principal as Principal;

  app.get(
    '/api/notifications',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the count of unread ones',
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => parts.inbox.list(me(request).user.id, request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags,
        summary: 'How many of your notifications are unread (the bell polls it when it cannot stream)',
        response: { 200: UnreadCount, ...errorResponses },
      },
    },
    async (request) => ({ unread: await parts.inbox.unreadCount(me(request).user.id) }),
  );

  app.get(
    '/api/notifications/stream',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags,
        summary:
          'Your new notifications as server-sent events: `notification` (event id = notification id) and `unread`',
        querystring: Type.Object({
          follow: Type.Boolean({
            default: true,
            description: 'false: send what is new since Last-Event-ID and the unread count, then end',
          }),
        }),
      },
    },
    async (request, reply) => streamInbox(request, reply, me(request).user.id, parts, request.query.follow),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'notifications.update' },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: NotificationParams,
        response: { 200: NotificationItem, ...errorResponses },
      },
    },
    async (request) => {
      const principal = me(request);
      const item = await parts.inbox.markRead(principal.user.id, request.params.id);
      await parts.audit.record(actorOf(principal, request.ip), {
        action: 'notifications.read',
        target: request.params.id,
      });
      return item;
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'notifications.update' },
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = me(request);
      const marked = await parts.inbox.markAllRead(principal.user.id);
      await parts.audit.record(actorOf(principal, request.ip), {
        action: 'notifications.read-all',
        details: { marked },
      });
      return { marked, unread: 0 };
    },
  );

  app.get(
    '/api/notifications/preferences',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags,
        summary: 'Which channels you get, per topic group (defaults where you chose nothing)',
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => {
      const principal = me(request);
      return {
        groups: await parts.preferences.get(principal.user.id),
        email: { available: parts.email.available, address: principal.user.email ?? null },
      };
    },
  );

  app.put(
    '/api/notifications/preferences',
    {
      config: { permission: 'notifications.update' },
      schema: {
        tags,
        summary: 'Change your channels for some topic groups; groups and channels left out keep their choice',
        body: PreferencesUpdate,
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => {
      const principal = me(request);
      const groups = await parts.preferences.set(
        actorOf(principal, request.ip),
        principal.user.id,
        request.body.groups,
      );
      return { groups, email: { available: parts.email.available, address: principal.user.email ?? null } };
    },
  );
}
