import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ScaffolderTasksTable } from '../tables.js';
import type { TaskStore } from '../task-store.js';
import { toTask } from '../task-view.js';

const TICK_MS = 300;
// Proxies drop a connection that stays silent; a comment line every 15 s keeps it.
const HEARTBEAT_MS = 15_000;

/**
 * Follows a task as server-sent events: `task` with the whole task whenever it changes (step
 * states, checks, outputs), `log` with new lines, and `end` once it has ended and every line was sent.
 */
export async function streamTask(
  request: FastifyRequest,
  reply: FastifyReply,
  store: TaskStore,
  load: () => Promise<ScaffolderTasksTable>,
  after: number,
) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let seq = after;
  let version = '';
  let lastWrite = Date.now();
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  while (!closed) {
    const row = await load();
    const lines = await store.logs(row.id, seq, 1000);
    if (row.updated_at + row.state !== version) {
      version = row.updated_at + row.state;
      send('task', toTask(row));
      lastWrite = Date.now();
    }
    if (lines.length > 0) {
      send(
        'log',
        lines.map((l) => ({ seq: l.seq, at: l.at, stepId: l.step_id, level: l.level, message: l.message })),
      );
      seq = lines[lines.length - 1]?.seq ?? seq;
      lastWrite = Date.now();
    } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
      res.write(': ping\n\n');
      lastWrite = Date.now();
    }
    if ((row.state === 'succeeded' || row.state === 'failed') && lines.length < 1000) {
      const final = await load();
      if (final.updated_at + final.state !== version) send('task', toTask(final));
      send('end', { state: final.state });
      break;
    }
    if (lines.length === 0) await new Promise((r) => setTimeout(r, TICK_MS));
  }
  res.end();
}
