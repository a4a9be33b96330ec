export {
  type ChannelContext,
  channelPoint,
  DeliveryError,
  type NotificationChannel,
  type OutgoingMessage,
} from './channel.js';
export { emailChannel } from './email.js';
export { inAppChannel } from './in-app.js';
export { webhookChannel } from './webhook.js';
