/** The notifications domain's public surface: what the server and other domains may import. */
export { emailChannel, inAppChannel, webhookChannel } from './channels/index.js';
export { notificationsErrors } from './errors.js';
export { notificationsMigrations } from './migrations.js';
export { createNotificationsModule, type NotificationsModule } from './notifications-module.js';
export type { Notice, Notifier } from './notifier.js';
