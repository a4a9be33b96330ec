import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

const SCRAPE_TOKEN = 'prometheus-scrape-token-of-32-characters-or-more';

async function get(t: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, { headers, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

/** A browser session: the cookie header the portal set at sign-in. */
async function sessionCookie(t: TestServer, username: string): Promise<string> {
  const response = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0])
    .join('; ');
}

describe('metrics and API docs with the defaults', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ listen: true });
  });
  afterAll(async () => t?.close());

  test('are public, for scrapers and readers of the API', async () => {
    const metrics = await get(t, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('process_cpu_seconds_total');
    const docs = await get(t, '/api/docs/json');
    expect(docs.status).toBe(200);
    expect(JSON.parse(docs.text).openapi).toBe('3.1.0');
  });
});

describe('metrics and API docs closed by the operator', () => {
  let t: TestServer;
  let keeperToken: string;
  let memberToken: string;
  beforeAll(async () => {
    t = await startTestServer({
      listen: true,
      config: { server: { publicMetrics: false, publicApiDocs: false, metricsToken: SCRAPE_TOKEN } },
    });
    await t.createUser({ username: 'keeper-two', role: 'keeper' });
    await t.createUser({ username: 'member-one' });
    keeperToken = await t.tokenFor('keeper-two');
    memberToken = await t.tokenFor('member-one');
  });
  afterAll(async () => t?.close());

  test('/metrics answers the scrape token and Keepers, nobody else', async () => {
    const anonymous = await get(t, '/metrics');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).code).toBe('AUTH_REQUIRED');
    const member = await get(t, '/metrics', { authorization: `Bearer ${memberToken}` });
    expect(member.status).toBe(403);
    expect(JSON.parse(member.text).code).toBe('AUTH_FORBIDDEN');
    for (const authorization of [`Bearer ${SCRAPE_TOKEN}`, `Bearer ${keeperToken}`]) {
      const allowed = await get(t, '/metrics', { authorization });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain('plinth_http_request_duration_seconds');
    }
    const keeperSession = await get(t, '/metrics', { cookie: await sessionCookie(t, 'keeper-two') });
    expect(keeperSession.status).toBe(200);
  });

  test('the API docs answer signed-in people, by session or token', async () => {
    expect((await get(t, '/api/docs/json')).status).toBe(401);
    expect((await get(t, '/api/docs')).status).toBe(401);
    const byToken = await get(t, '/api/docs/json', { authorization: `Bearer ${memberToken}` });
    expect(byToken.status).toBe(200);
    const bySession = await get(t, '/api/docs/json', { cookie: await sessionCookie(t, 'member-one') });
    expect(JSON.parse(bySession.text).info.title).toBe('Plinth API');
  });

  test('liveness and readiness stay open for orchestrators', async () => {
    expect((await get(t, '/healthz')).status).toBe(200);
    expect((await get(t, '/readyz')).status).toBe(200);
  });

  test('the scrape token is no account: it opens nothing but /metrics', async () => {
    const docs = await get(t, '/api/docs/json', { authorization: `Bearer ${SCRAPE_TOKEN}` });
    expect(docs.status).toBe(401);
    const me = await get(t, '/api/me', { authorization: `Bearer ${SCRAPE_TOKEN}` });
    expect(JSON.parse(me.text).code).toBe('AUTH_REQUIRED');
  });
});
