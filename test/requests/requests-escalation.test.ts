import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fileRequest, inbox, requestPeople } from './requests-fixture.js';

const HOUR = 3_600_000;

describe.each(testDatabases())('overdue requests on %s', (database) => {
  let t: TestServer;
  let p: Awaited<ReturnType<typeof requestPeople>>;
  // The server's clock: the test moves it forward instead of waiting hours.
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await startTestServer({ database, now: () => clock });
    p = await requestPeople(t);
  });
  afterAll(async () => t?.close());

  const overdueNotices = async (caller: typeof p.kim, link: string) =>
    (await inbox(t, caller)).filter((n) => n.topic === 'request.overdue' && n.link === link);

  test('a missed first response is escalated to every Keeper once; the missed resolution once more', async () => {
    // help: first response in 4 h, resolution in 24 h (normal urgency).
    const filed = await fileRequest(t, p.alice, { category: 'help', title: 'Late one' });
    const link = `/requests/${filed.id}`;
    expect(filed.firstResponseDueAt).toBe('2026-03-02T13:00:00.000Z');
    expect(await t.server.requests.escalator.run()).toBe(0);

    clock += 5 * HOUR;
    const listed = (await call(t, p.alice, 'GET', '/api/requests?overdue=true')).json().items;
    expect(listed).toMatchObject([{ id: filed.id, overdue: { firstResponse: true, resolution: false } }]);
    expect(await t.server.requests.escalator.run()).toBe(1);
    for (const keeper of [p.kim, p.kai]) {
      const notices = await overdueNotices(keeper, link);
      expect(notices).toHaveLength(1);
      expect(notices[0]?.title).toContain('first response');
    }
    expect(await overdueNotices(p.alice, link)).toHaveLength(0);

    // Looking again finds nothing new to say: the breach was recorded.
    clock += HOUR;
    expect(await t.server.requests.escalator.run()).toBe(0);
    expect(await overdueNotices(p.kim, link)).toHaveLength(1);

    clock += 24 * HOUR;
    expect(await t.server.requests.escalator.run()).toBe(1);
    const notices = await overdueNotices(p.kai, link);
    expect(notices.map((n) => n.title)).toEqual([
      expect.stringContaining('resolution'),
      expect.stringContaining('first response'),
    ]);
    expect(await t.server.requests.escalator.run()).toBe(0);
    const events = (await call(t, p.kim, 'GET', `/api/requests/${filed.id}`)).json().events;
    expect(
      events
        .filter((e: { kind: string }) => e.kind === 'escalated')
        .map((e: { details: { target: string } }) => e.details.target),
    ).toEqual(['first-response', 'resolution']);
    const board = (await call(t, p.kim, 'GET', '/api/requests/dashboard')).json();
    expect(board.overdueResolution.map((r: { id: string }) => r.id)).toContain(filed.id);
  });

  test('a Keeper’s answer in time stops the first-response escalation; urgency shortens the targets', async () => {
    const filed = await fileRequest(t, p.alice, { category: 'help', urgency: 'critical', title: 'Answered' });
    // critical: a quarter of 4 h.
    expect(Date.parse(filed.firstResponseDueAt as string) - clock).toBe(HOUR);
    clock += HOUR / 2;
    await call(t, p.kim, 'POST', `/api/requests/${filed.id}/comments`, { body: 'On it.' });
    clock += 2 * HOUR;
    await t.server.requests.escalator.run();
    expect(await overdueNotices(p.kai, `/requests/${filed.id}`)).toHaveLength(0);
    const detail = (await call(t, p.alice, 'GET', `/api/requests/${filed.id}`)).json();
    expect(detail.overdue).toEqual({ firstResponse: false, resolution: false });
    expect(Date.parse(detail.resolutionDueAt) - Date.parse(detail.createdAt)).toBe(6 * HOUR);
    expect(detail.firstResponseAt).toBe(new Date(clock - 2 * HOUR).toISOString());
  });
});
