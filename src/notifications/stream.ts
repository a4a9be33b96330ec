import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Inbox } from './inbox.js';
import type { LiveBus } from './live-bus.js';

// Another replica's notices reach this process only through the database: looked for this often.
// The same tick keeps proxies from dropping a silent connection.
const CHECK_MS = 15_000;

/**
 * A person's inbox as server-sent events: `notification` (a new notice; its id is the event id)
 * and `unread` (the count, after any change). A browser that reconnects sends `Last-Event-ID`
 * and first receives what it missed.
 */
export async function streamInbox(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  parts: { inbox: Inbox; bus: LiveBus; closing: AbortSignal },
  follow = true,
) {
  const { inbox, bus } = parts;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const header = request.headers['last-event-id'];
  let lastId = (Array.isArray(header) ? header[0] : header) ?? (await inbox.latestId(userId)) ?? '';
  let closed = false;
  let queue = Promise.resolve();
  const write = (text: string) => {
    if (!closed) res.write(text);
  };
  // Changes are sent one after another, in order, however fast they come.
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error) => {
      request.log.warn({ err: error }, 'Notification stream: a change could not be sent');
    });
  };
  const catchUp = async () => {
    for (const item of await inbox.since(userId, lastId)) {
      write(`id: ${item.id}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`);
      lastId = item.id;
    }
    write(`event: unread\ndata: ${JSON.stringify({ unread: await inbox.unreadCount(userId) })}\n\n`);
  };
  write('retry: 5000\n\n');
  enqueue(catchUp);
  if (!follow) {
    await queue;
    res.end();
    return;
  }
  const unsubscribe = bus.subscribe(userId, () => enqueue(catchUp));
  const timer = setInterval(() => enqueue(catchUp), CHECK_MS);
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    unsubscribe();
    parts.closing.removeEventListener('abort', finish);
    res.end();
  };
  request.raw.on('close', finish);
  parts.closing.addEventListener('abort', finish);
  if (parts.closing.aborted) finish();
}
