import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('in-app notifications (%s)', (database) => {
  let t: TestServer;
  let ada: Caller;
  let bob: Caller;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer({ database });
    await t.createUser({ username: 'ada' });
    await t.createUser({ username: 'bob' });
    await t.createUser({ username: 'cleo' });
    for (const name of ['ada', 'bob', 'cleo']) {
      ids[name] = (await t.server.auth.userStore.findByUsername(name))?.id as string;
    }
    ada = await bearer(t, 'ada');
    bob = await bearer(t, 'bob');
  });
  afterAll(async () => t?.close());

  test('a notice reaches each recipient once, never the actor, with the actor named', async () => {
    await t.server.notifications.notify({
      recipients: [ids.ada as string, ids.bob as string, ids.bob as string, ids.cleo as string],
      actorId: ids.cleo,
      topic: 'request.commented',
      title: 'Cleo commented on request #12',
      body: 'Looks good to me.',
      link: '/requests/12',
    });
    const list = await call(t, ada, 'GET', '/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      unread: 1,
      nextCursor: null,
      items: [
        {
          topic: 'request.commented',
          title: 'Cleo commented on request #12',
          body: 'Looks good to me.',
          link: '/requests/12',
          actor: { username: 'cleo', displayName: 'Test cleo' },
          readAt: null,
        },
      ],
    });
    expect((await call(t, bob, 'GET', '/api/notifications')).json().items).toHaveLength(1);
    const cleo = await bearer(t, 'cleo');
    expect((await call(t, cleo, 'GET', '/api/notifications')).json()).toMatchObject({ items: [], unread: 0 });
  });

  test('a person marks their own notice read, but cannot touch anyone else’s', async () => {
    const [item] = (await call(t, ada, 'GET', '/api/notifications')).json().items;
    const foreign = await call(t, bob, 'POST', `/api/notifications/${item.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOTIFICATION_NOT_FOUND');
    const read = await call(t, ada, 'POST', `/api/notifications/${item.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    const again = await call(t, ada, 'POST', `/api/notifications/${item.id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    expect((await call(t, ada, 'GET', '/api/notifications?unread=true')).json()).toMatchObject({
      items: [],
      unread: 0,
    });
    expect((await call(t, bob, 'GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const audit = await t.server.auth.audit.list({ action: 'notifications.read', limit: 10 });
    expect(audit.map((a) => a.target)).toContain(item.id);
  });

  test('pages with a cursor, newest first; read-all clears the count', async () => {
    for (let i = 1; i <= 5; i++) {
      await t.server.notifications.notify({
        recipients: [ids.bob as string],
        topic: 'vault.expiry',
        title: `Notice ${i}`,
        body: 'Body',
      });
    }
    const first = (await call(t, bob, 'GET', '/api/notifications?limit=4')).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual([
      'Notice 5',
      'Notice 4',
      'Notice 3',
      'Notice 2',
    ]);
    expect(first.unread).toBe(6);
    const second = (
      await call(t, bob, 'GET', `/api/notifications?limit=4&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual([
      'Notice 1',
      'Cleo commented on request #12',
    ]);
    expect(second.nextCursor).toBeNull();
    const all = await call(t, bob, 'POST', '/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 6, unread: 0 });
    expect((await call(t, bob, 'GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  test('bad input gets a stable code naming the field', async () => {
    const cursor = await call(t, bob, 'GET', '/api/notifications?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe('NOTIFICATION_INVALID_CURSOR');
    const limit = await call(t, bob, 'GET', '/api/notifications?limit=1000');
    expect(limit.statusCode).toBe(400);
    expect(limit.json().code).toBe('VALIDATION_FAILED');
  });

  test('a notice with no one left to tell stores nothing and does not fail the caller', async () => {
    await expect(
      t.server.notifications.notify({
        recipients: [ids.ada as string, 'no-such-user'],
        actorId: ids.ada,
        topic: 'request.commented',
        title: 'Own act',
        body: '',
      }),
    ).resolves.toBeUndefined();
    expect((await call(t, ada, 'GET', '/api/notifications')).json().items).toHaveLength(1);
  });
});
