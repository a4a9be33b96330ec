import { adapter } from '../../core/extension.js';
import { type ChannelContext, channelPoint, type NotificationChannel } from './channel.js';

/**
 * The portal's own bell. Not queued: the notice is stored the moment it is made, in the database
 * the request already uses, and open streams hear of it at once. The target is a user id.
 */
export const inAppChannel = adapter<NotificationChannel, ChannelContext>(channelPoint, {
  name: 'in-app',
  description: 'Notifications in the portal: the bell in the top bar and the notifications page',
  capabilities: { queued: false, personal: true },
  create: ({ config: context }) => ({
    async deliver(target, message) {
      await context.inbox.add(target, {
        topic: message.topic,
        title: message.title,
        body: message.body,
        link: message.link,
        actorId: message.actorId,
      });
    },
  }),
});
