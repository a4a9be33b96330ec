import type { Command } from 'commander';
import type { NotificationItem, Webhook } from '../../notifications/schemas.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { type CliIo, table, when } from '../output.js';

interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

/** `plinth notifications …`: your notifications, and the Keepers' outgoing webhooks. */
export function registerNotifications(program: Command, io: CliIo): void {
  const notifications = program
    .command('notifications')
    .alias('inbox')
    .description('your notifications: list them, mark them read; Keepers: outgoing webhooks')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth notifications ls --unread\n  $ plinth notifications read --all\n  $ plinth notifications webhooks test team-chat',
    );

  notifications
    .command('ls')
    .alias('list')
    .description('your latest notifications, newest first')
    .addHelpText('after', '\nExample:\n  $ plinth notifications ls --unread --limit 50')
    .option('-u, --unread', 'only those not read yet')
    .option('-n, --limit <n>', 'how many (1-100)', '20')
    .action(async (opts: { unread?: boolean; limit: string }, command: Command) => {
      const ctx = createContext(command, io);
      const page = await ctx.client().request<NotificationPage>('GET', '/api/notifications', {
        query: { unread: opts.unread, limit: opts.limit },
      });
      if (!ctx.out.json && page.items.length === 0) {
        ctx.out.info(opts.unread ? 'Nothing unread.' : 'No notifications yet.');
        return;
      }
      ctx.out.result(page, (p) =>
        [
          table(p.items, [
            { heading: 'id', cell: (n) => n.id },
            { heading: '', cell: (n) => (n.readAt ? ' ' : '*') },
            { heading: 'when', cell: (n) => when(n.createdAt) },
            { heading: 'title', cell: (n) => n.title },
            { heading: 'link', cell: (n) => n.link ?? '-' },
          ]),
          `${p.unread} unread (marked *).`,
        ].join('\n'),
      );
    });

  notifications
    .command('read [id]')
    .description('mark one notification read, or all of them with --all')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth notifications read 01JD8X4Q2M0000000000000000\n  $ plinth notifications read --all',
    )
    .option('-a, --all', 'mark every notification read')
    .action(async (id: string | undefined, opts: { all?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      if (!id && !opts.all) throw CliError.usage('Give a notification id, or --all.');
      if (opts.all) {
        const result = await ctx
          .client()
          .request<{ marked: number }>('POST', '/api/notifications/read-all', { body: {} });
        ctx.out.info(`Marked ${result.marked} read.`);
        ctx.out.jsonOnly(result);
        return;
      }
      const item = await ctx
        .client()
        .request<NotificationItem>('POST', `/api/notifications/${encodeURIComponent(id as string)}/read`, {
          body: {},
        });
      ctx.out.info(`Marked read: ${item.title}`);
      ctx.out.jsonOnly(item);
    });

  const webhooks = notifications
    .command('webhooks')
    .description('outgoing webhooks and their latest deliveries (Keepers)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth notifications webhooks ls\n  $ plinth notifications webhooks test team-chat',
    );

  webhooks
    .command('ls')
    .alias('list')
    .description('webhooks with their topics and how their deliveries went')
    .addHelpText('after', '\nExample:\n  $ plinth notifications webhooks ls --json')
    .action(async (_opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const list = await ctx.client().request<{ items: Webhook[] }>('GET', '/api/notifications/webhooks');
      if (!ctx.out.json && list.items.length === 0) {
        ctx.out.info('No webhooks yet. Keepers add them on Admin → Notification webhooks.');
        return;
      }
      ctx.out.result(list, (l) =>
        table(l.items, [
          { heading: 'name', cell: (w) => w.name },
          { heading: 'topics', cell: (w) => w.topics.join(' ') },
          { heading: 'source', cell: (w) => w.source },
          { heading: 'waiting', cell: (w) => String(w.deliveries.pending) },
          { heading: 'given up', cell: (w) => String(w.deliveries.failed) },
          {
            heading: 'last error',
            cell: (w) => w.deliveries.recent.find((d) => d.lastError)?.lastError ?? '-',
          },
        ]),
      );
    });

  webhooks
    .command('test <name>')
    .description('send a test message to a webhook; `webhooks ls` shows how it went')
    .addHelpText('after', '\nExample:\n  $ plinth notifications webhooks test team-chat')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const list = await ctx.client().request<{ items: Webhook[] }>('GET', '/api/notifications/webhooks');
      const found = list.items.find((w) => w.name === name);
      if (!found) {
        throw CliError.usage(
          `No webhook named '${name}'; there are: ${list.items.map((w) => w.name).join(', ') || 'none'}.`,
        );
      }
      const sent = await ctx
        .client()
        .request<{ deliveryId: string }>('POST', `/api/notifications/webhooks/${found.id}/test`, {
          body: {},
        });
      ctx.out.info(`Test message queued for ${name} (delivery ${sent.deliveryId}).`);
      ctx.out.jsonOnly(sent);
    });
}
