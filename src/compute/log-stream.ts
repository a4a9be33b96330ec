import type { FastifyReply, FastifyRequest } from 'fastify';
import { FINAL_STATES, type JobState } from './extension.js';
import { logPath, readLogChunk } from './log-reader.js';
import type { JobsTable } from './tables.js';

const TICK_MS = 500;
// Proxies and clients drop a connection that stays silent; a comment line every 15 s keeps it.
const HEARTBEAT_MS = 15_000;

/**
 * Follows a job's log as server-sent events: `log` events with new text, `state` when the job's
 * state changes, and `end` once it has ended and everything written was sent. Each `log` event's
 * id is the byte offset after it: a client that reconnects with `Last-Event-ID` (browsers do it
 * on their own) continues there, without a line twice.
 */
export async function streamLogs(
  request: FastifyRequest,
  reply: FastifyReply,
  load: () => Promise<JobsTable>,
  query: { stream?: 'stdout' | 'stderr'; task?: number; offset?: number },
) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const send = (event: string, data: unknown, id?: number) =>
    res.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let offset = resumeOffset(request.headers['last-event-id']) ?? query.offset ?? 0;
  let state = '';
  let lastWrite = Date.now();
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  while (!closed) {
    const row = await load();
    if (row.state !== state) {
      state = row.state;
      send('state', { state, explanation: row.explanation });
    }
    const chunk = await readLogChunk(logPath(row, query.stream ?? 'stdout', query.task), offset, 262_144);
    if (chunk.text)
      send('log', { text: chunk.text, offset: chunk.offset, nextOffset: chunk.nextOffset }, chunk.nextOffset);
    if (chunk.text) lastWrite = Date.now();
    else if (Date.now() - lastWrite > HEARTBEAT_MS) {
      res.write(': ping\n\n');
      lastWrite = Date.now();
    }
    offset = chunk.nextOffset;
    if (FINAL_STATES.has(row.state as JobState) && offset >= chunk.size) {
      send('end', { state: row.state });
      break;
    }
    if (!chunk.text) await new Promise((r) => setTimeout(r, TICK_MS));
  }
  res.end();
}

/** The byte offset a reconnecting client asks to resume from, when its Last-Event-ID is one. */
function resumeOffset(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
