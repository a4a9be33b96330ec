import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fileRequest, inbox, requestPeople } from './requests-fixture.js';

describe.each(testDatabases())('requests API on %s', (database) => {
  let t: TestServer;
  let p: Awaited<ReturnType<typeof requestPeople>>;
  beforeAll(async () => {
    t = await startTestServer({ database });
    p = await requestPeople(t);
  });
  afterAll(async () => t?.close());

  test('a member files a request with the page attached; it gets a number, due times, and every Keeper hears of it', async () => {
    const filed = await fileRequest(t, p.alice, {
      urgency: 'high',
      context: { path: '/catalog/component/default/ocean-model', entity: 'component:default/ocean-model' },
    });
    expect(filed).toMatchObject({
      state: 'new',
      team: 'optics',
      category: 'access',
      categoryTitle: 'Access',
      urgency: 'high',
      requester: { username: 'alice' },
      assignee: null,
      context: { path: '/catalog/component/default/ocean-model', entity: 'component:default/ocean-model' },
      descriptionHtml: '<p>Jobs stay <strong>pending</strong>.</p>\n',
      overdue: { firstResponse: false, resolution: false },
    });
    expect(filed.number).toBeGreaterThan(0);
    // access: 4 h to first response, high urgency halves it.
    const hours =
      (Date.parse(filed.firstResponseDueAt as string) - Date.parse(filed.createdAt as string)) / 3_600_000;
    expect(hours).toBe(2);
    for (const keeper of [p.kim, p.kai]) {
      const notices = await inbox(t, keeper);
      expect(notices.find((n) => n.link === `/requests/${filed.id}`)).toMatchObject({
        topic: 'request.created',
      });
    }
    const again = await fileRequest(t, p.olga);
    expect(again.number).toBe(filed.number + 1);
  });

  test('bad input is refused with a code naming the field', async () => {
    const unknown = await call(t, p.alice, 'POST', '/api/requests', { title: 'Help me', category: 'snacks' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'REQUEST_CATEGORY_UNKNOWN' });
    expect(unknown.json().message).toContain('category');
    const several = await call(t, p.both, 'POST', '/api/requests', {
      title: 'Which team?',
      category: 'help',
    });
    expect(several.json()).toMatchObject({ code: 'REQUEST_TEAM_REQUIRED' });
    expect(several.json().message).toContain('genomics, optics');
    const notMine = await call(t, p.alice, 'POST', '/api/requests', {
      title: 'Spy',
      category: 'help',
      team: 'genomics',
    });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json()).toMatchObject({ code: 'REQUEST_TEAM_NOT_YOURS' });
    const chosen = await fileRequest(t, p.both, { team: 'genomics' });
    expect(chosen.team).toBe('genomics');
  });

  test('members see their team’s requests, not another team’s; Keepers see all', async () => {
    const filed = await fileRequest(t, p.alice, { title: 'Optics only' });
    expect((await call(t, p.olga, 'GET', `/api/requests/${filed.id}`)).statusCode).toBe(200);
    const other = await call(t, p.gustav, 'GET', `/api/requests/${filed.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
    expect((await call(t, p.gustav, 'GET', `/api/requests/${filed.number}`)).statusCode).toBe(404);
    expect(
      (await call(t, p.gustav, 'POST', `/api/requests/${filed.id}/comments`, { body: 'hi' })).statusCode,
    ).toBe(404);
    expect((await call(t, p.kim, 'GET', `/api/requests/%23${filed.number}`)).json().id).toBe(filed.id);

    const titles = async (caller: typeof p.alice, query: string) =>
      ((await call(t, caller, 'GET', `/api/requests?${query}`)).json().items as { title: string }[]).map(
        (r) => r.title,
      );
    expect(await titles(p.olga, 'scope=team')).toContain('Optics only');
    expect(await titles(p.olga, 'scope=mine')).not.toContain('Optics only');
    expect(await titles(p.gustav, 'scope=team')).not.toContain('Optics only');
    // A member asking for all gets what they may see, nothing more.
    expect(await titles(p.gustav, 'scope=all')).not.toContain('Optics only');
    expect(await titles(p.kim, 'scope=all')).toContain('Optics only');
    expect(await titles(p.kim, 'scope=all&q=optics%20only')).toEqual(['Optics only']);
  });

  test('the list pages with a cursor and filters by state and category', async () => {
    for (let i = 0; i < 3; i++) await fileRequest(t, p.gustav, { title: `Paged ${i}`, category: 'bug' });
    const first = (await call(t, p.gustav, 'GET', '/api/requests?scope=mine&category=bug&limit=2')).json();
    expect(first.items.map((r: { title: string }) => r.title)).toEqual(['Paged 2', 'Paged 1']);
    const second = (
      await call(
        t,
        p.gustav,
        'GET',
        `/api/requests?scope=mine&category=bug&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second).toMatchObject({ items: [{ title: 'Paged 0' }], nextCursor: null });
    expect((await call(t, p.gustav, 'GET', '/api/requests?state=done')).json().items).toEqual([]);
    const bad = await call(t, p.gustav, 'GET', '/api/requests?state=finished');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'REQUEST_STATE_UNKNOWN' });
  });

  test('a Keeper triages, asks, the requester answers by commenting, the Keeper closes it; both sides hear of it', async () => {
    const filed = await fileRequest(t, p.alice, { title: 'The loop' });
    const url = `/api/requests/${filed.id}`;
    const link = `/requests/${filed.id}`;
    const noAssignee = await call(t, p.kim, 'POST', `${url}/transitions`, { to: 'triaged' });
    expect(noAssignee.statusCode).toBe(409);
    expect(noAssignee.json()).toMatchObject({ code: 'REQUEST_TRANSITION_NOT_ALLOWED' });
    const byMember = await call(t, p.alice, 'POST', `${url}/transitions`, { to: 'triaged', assignee: 'kim' });
    expect(byMember.statusCode).toBe(409);
    expect(byMember.json().message).toContain("'new' to 'triaged'");
    const toMember = await call(t, p.kim, 'POST', `${url}/transitions`, { to: 'triaged', assignee: 'olga' });
    expect(toMember.json()).toMatchObject({ code: 'REQUEST_ASSIGNEE_INVALID' });
    expect((await call(t, p.kim, 'GET', url)).json()).toMatchObject({ state: 'new', assignee: null });

    const triaged = await call(t, p.kim, 'POST', `${url}/transitions`, { to: 'triaged', assignee: 'kai' });
    expect(triaged.json()).toMatchObject({ state: 'triaged', assignee: { username: 'kai' } });
    expect(triaged.json().firstResponseAt).not.toBeNull();
    expect((await inbox(t, p.kai)).some((n) => n.topic === 'request.assigned' && n.link === link)).toBe(true);
    expect((await inbox(t, p.alice)).some((n) => n.topic === 'request.assigned' && n.link === link)).toBe(
      true,
    );

    const early = await call(t, p.kai, 'POST', `${url}/transitions`, { to: 'done' });
    expect(early.json().message).toMatch(/needs a reply/);
    await call(t, p.kai, 'POST', `${url}/comments`, { body: 'Which partition, @alice?' });
    const waiting = await call(t, p.kai, 'POST', `${url}/transitions`, { to: 'waiting' });
    expect(waiting.json()).toMatchObject({ state: 'waiting', hasReply: true });
    const aliceNotices = await inbox(t, p.alice);
    expect(aliceNotices.some((n) => n.topic === 'request.mentioned' && n.link === link)).toBe(true);
    expect(aliceNotices.find((n) => n.topic === 'request.state-changed' && n.link === link)?.title).toContain(
      'waiting for requester',
    );

    const answer = await call(t, p.alice, 'POST', `${url}/comments`, { body: 'The `gpu` one.' });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().bodyHtml).toContain('<code>gpu</code>');
    expect((await call(t, p.alice, 'GET', url)).json().state).toBe('in_progress');
    expect((await inbox(t, p.kai)).some((n) => n.topic === 'request.commented' && n.link === link)).toBe(
      true,
    );

    const done = await call(t, p.kai, 'POST', `${url}/transitions`, { to: 'done' });
    expect(done.json()).toMatchObject({ state: 'done', allowedTransitions: [] });
    expect(done.json().closedAt).not.toBeNull();
    const detail = (await call(t, p.alice, 'GET', url)).json();
    expect(
      detail.events.map((e: { kind: string; toState: string | null }) => `${e.kind}:${e.toState ?? ''}`),
    ).toEqual([
      'filed:new',
      'moved:triaged',
      'assigned:',
      'commented:',
      'moved:waiting',
      'commented:',
      'moved:in_progress',
      'moved:done',
    ]);
    const after = await call(t, p.kai, 'POST', `${url}/transitions`, { to: 'in_progress' });
    expect(after.json().message).toContain('stays closed');
    const audit = await t.server.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `#${filed.number}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['requests.file', 'requests.transition', 'requests.comment']),
    );
  });

  test('declining needs a reason, which the requester reads in the notice; the requester may withdraw their own', async () => {
    const filed = await fileRequest(t, p.alice, { title: 'Decline me' });
    const url = `/api/requests/${filed.id}`;
    expect((await call(t, p.kim, 'POST', `${url}/transitions`, { to: 'declined' })).statusCode).toBe(409);
    const link = `/requests/${filed.id}`;
    const declined = await call(t, p.kim, 'POST', `${url}/transitions`, {
      to: 'declined',
      reason: 'Use the shared bucket instead',
    });
    expect(declined.json()).toMatchObject({
      state: 'declined',
      declineReason: 'Use the shared bucket instead',
    });
    const notice = (await inbox(t, p.alice)).find(
      (n) => n.topic === 'request.state-changed' && n.link === link,
    );
    expect(notice?.body).toContain('Use the shared bucket instead');

    const mine = await fileRequest(t, p.alice, { title: 'Withdraw me' });
    const byTeammate = await call(t, p.olga, 'POST', `/api/requests/${mine.id}/transitions`, {
      to: 'withdrawn',
    });
    expect(byTeammate.statusCode).toBe(409);
    const withdrawn = await call(t, p.alice, 'POST', `/api/requests/${mine.id}/transitions`, {
      to: 'withdrawn',
      reason: 'Found it',
    });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', withdrawReason: 'Found it' });
  });

  test('a mention reaches only people who may see the request', async () => {
    const filed = await fileRequest(t, p.alice, { title: 'Mentions' });
    await call(t, p.alice, 'POST', `/api/requests/${filed.id}/comments`, { body: '@olga @gustav @kai look' });
    const link = `/requests/${filed.id}`;
    expect((await inbox(t, p.olga)).some((n) => n.topic === 'request.mentioned' && n.link === link)).toBe(
      true,
    );
    expect((await inbox(t, p.kai)).some((n) => n.topic === 'request.mentioned' && n.link === link)).toBe(
      true,
    );
    expect((await inbox(t, p.gustav)).some((n) => n.link === link)).toBe(false);
  });

  test('Markdown is sanitized when rendered', async () => {
    const filed = await fileRequest(t, p.alice, {
      description: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(filed.descriptionHtml).not.toMatch(/<script|href="javascript|<img/);
  });

  test('the dashboard counts by state and category and is for Keepers', async () => {
    expect((await call(t, p.alice, 'GET', '/api/requests/dashboard')).statusCode).toBe(403);
    const board = (await call(t, p.kim, 'GET', '/api/requests/dashboard?days=7')).json();
    expect(board.periodDays).toBe(7);
    expect(board.byState.done).toBeGreaterThanOrEqual(1);
    expect(board.byCategory.access).toBeGreaterThanOrEqual(1);
    expect(board.medianFirstResponseHours).toBeGreaterThanOrEqual(0);
    expect(board.oldestOpen.length).toBeGreaterThan(0);
  });

  test('the options list categories, the caller’s teams and the Keepers', async () => {
    const options = (await call(t, p.both, 'GET', '/api/requests/options')).json();
    expect(options.teams).toEqual(['genomics', 'optics']);
    expect(options.categories.map((c: { name: string }) => c.name)).toEqual([
      'help',
      'access',
      'new-template',
      'bug',
      'new-technology',
      'other',
    ]);
    expect(options.keepers.map((k: { username: string }) => k.username)).toEqual(
      expect.arrayContaining(['kim', 'kai']),
    );
  });
});
