import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Event {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads server-sent events from a real HTTP response until `enough` says so. */
async function readEvents(response: Response, enough: (events: Event[]) => boolean): Promise<Event[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Event[] = [];
  let buffer = '';
  while (!enough(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => l && !l.startsWith(':'))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
      );
      if (fields.event)
        events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

describe.each(testDatabases())('the live notification stream (%s)', (database) => {
  let t: TestServer;
  let token = '';
  let userId = '';
  beforeAll(async () => {
    t = await startTestServer({ database, listen: true });
    await t.createUser({ username: 'sam' });
    token = await t.tokenFor('sam');
    userId = (await t.server.auth.userStore.findByUsername('sam'))?.id as string;
  });
  afterAll(async () => t?.close());

  const open = (headers: Record<string, string> = {}, query = '') =>
    fetch(`${t.url}/api/notifications/stream${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    });
  const notice = (title: string) =>
    t.server.notifications.notify({ recipients: [userId], topic: 'vault.expiry', title, body: '' });

  test('sends the count at once, then each new notice and the new count as they happen', async () => {
    const response = await open();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reading = readEvents(response, (events) => events.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    await notice('First');
    const events = await reading;
    expect(events[0]).toEqual({ event: 'unread', data: { unread: 0 }, id: undefined });
    expect(events[1]).toMatchObject({ event: 'notification', data: { title: 'First', readAt: null } });
    const [, second] = events;
    expect(second?.id).toBe((second?.data as { id: string } | undefined)?.id);
    expect(events[2]).toEqual({ event: 'unread', data: { unread: 1 }, id: undefined });
  });

  test('a reconnecting client gets what it missed after its Last-Event-ID', async () => {
    const [first] = (await t.server.notifications.inbox.list(userId, { limit: 1 })).items;
    await notice('Second');
    await notice('Third');
    const response = await open({ 'last-event-id': first?.id as string }, '?follow=false');
    const events = await readEvents(response, () => false);
    expect(events.map((e) => e.event)).toEqual(['notification', 'notification', 'unread']);
    expect(events.map((e) => (e.data as { title?: string }).title)).toEqual(['Second', 'Third', undefined]);
    expect(events[2]?.data).toEqual({ unread: 3 });
  });

  test('refuses the anonymous', async () => {
    const response = await fetch(`${t.url}/api/notifications/stream`);
    expect(response.status).toBe(401);
  });
});
