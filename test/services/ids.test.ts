import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('ID generator API on %s', (database) => {
  let t: TestServer;
  let ann: Caller;

  beforeAll(async () => {
    t = await startTestServer({ database, config: { services: { ids: { maxBatch: 5000 } } } });
    await t.server.auth.teams.create(systemActor, { name: 'lab', title: 'Lab' });
    await t.createUser({ username: 'ann', teams: ['lab'] });
    ann = await bearer(t, 'ann');
  });
  afterAll(async () => t?.close());

  test('a batch of snowflakes is unique, increasing, JSON-safe decimal strings', async () => {
    const response = await call(t, ann, 'GET', '/api/ids/snowflake?count=5000');
    expect(response.statusCode, response.body).toBe(200);
    const { ids, type, format } = response.json();
    expect({ type, format }).toEqual({ type: 'snowflake', format: 'decimal' });
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]) > BigInt(ids[i - 1])).toBe(true);
    expect(response.body).toMatch(/^\{"type":"snowflake","format":"decimal","ids":\["\d+"/);
  });

  test('decode gives the time, worker and sequence back, from any of the three forms', async () => {
    const before = Date.now();
    const [decimal] = (await call(t, ann, 'GET', '/api/ids/snowflake')).json().ids;
    const decoded = (await call(t, ann, 'GET', `/api/ids/snowflake/${decimal}`)).json();
    expect(decoded.id).toBe(decimal);
    expect(decoded.timestampMs).toBeGreaterThanOrEqual(before - 5);
    expect(decoded.timestampMs).toBeLessThanOrEqual(Date.now());
    const lease = t.server.services.lease.state();
    expect(lease.state).toBe('held');
    expect(decoded.worker).toBe(lease.state === 'held' ? lease.worker : -1);
    for (const format of ['base32', 'base62'] as const) {
      const [text] = (await call(t, ann, 'GET', `/api/ids/snowflake?format=${format}`)).json().ids;
      expect(text).toHaveLength(format === 'base32' ? 13 : 11);
      const again = (await call(t, ann, 'GET', `/api/ids/snowflake/${text}?format=${format}`)).json();
      expect(again.formats[format]).toBe(text);
      expect(BigInt(again.id)).toBeGreaterThan(BigInt(decimal));
    }
  });

  test('UUID v4, v7 and ULID come in their canonical forms; v7 and ULID sort by time', async () => {
    const v4 = (await call(t, ann, 'GET', '/api/ids/uuid4?count=3')).json().ids;
    for (const id of v4)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const v7 = (await call(t, ann, 'GET', '/api/ids/uuid7?count=200')).json().ids as string[];
    for (const id of v7)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...v7].sort()).toEqual(v7);
    const ulids = (await call(t, ann, 'GET', '/api/ids/ulid?count=200')).json().ids as string[];
    for (const id of ulids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ulids].sort()).toEqual(ulids);
    expect(new Set(ulids).size).toBe(200);
  });

  test('bad requests name what is wrong', async () => {
    expect((await call(t, ann, 'GET', '/api/ids/snowflake?count=0')).json().code).toBe('VALIDATION_FAILED');
    expect((await call(t, ann, 'GET', '/api/ids/snowflake?count=5001')).json().code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await call(t, ann, 'GET', '/api/ids/guid')).json().code).toBe('VALIDATION_FAILED');
    const bad = await call(t, ann, 'GET', '/api/ids/snowflake/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IDS_INVALID_ID');
    const tooBig = await call(t, ann, 'GET', `/api/ids/snowflake/${(1n << 63n).toString()}`);
    expect(tooBig.json().code).toBe('IDS_INVALID_ID');
  });

  test('a replica that lost its worker id answers IDS_WORKER_UNAVAILABLE instead of guessing', async () => {
    const { generator } = t.server.services;
    const window = generator.currentWindow;
    generator.setWindow(null);
    try {
      const response = await call(t, ann, 'GET', '/api/ids/snowflake');
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('IDS_WORKER_UNAVAILABLE');
    } finally {
      generator.setWindow(window);
    }
  });

  test('the Services list shows each service with its catalog entity, live health and snippets for the caller', async () => {
    await t.server.catalog.sync.syncAll();
    const response = await call(t, ann, 'GET', '/api/services');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as {
      id: string;
      health: { status: string };
      snippets: Record<string, string>;
      entityRef: string;
    }[];
    expect(items.map((i) => i.id)).toEqual(['ids', 'credentials', 'vault']);
    // The demo platform repo describes each service as a catalog entity with its owner and docs.
    expect(items).toEqual(
      items.map(() =>
        expect.objectContaining({
          inCatalog: true,
          owner: 'group:default/keepers',
          docsUrl: expect.stringMatching(/^https:/),
        }),
      ),
    );
    const ids = items[0];
    expect(ids?.health.status).toBe('operational');
    expect(ids?.snippets.curl).toContain('/api/ids/snowflake?count=5');
    expect(ids?.snippets.curl).toContain('$PLINTH_TOKEN');
    expect(ids?.snippets.python).toContain("os.environ['PLINTH_TOKEN']");
    expect(ids?.snippets.cli).toBe('plinth id --type snowflake -n 5');
    const vault = items[2];
    expect(vault?.snippets.cli).toBe('plinth secret get lab/DATABASE_PASSWORD');
    expect(vault?.health.status).toBe('disabled');
    // Snippets carry a placeholder, never a real token.
    expect(response.body).not.toMatch(/plinth_[A-Za-z0-9_-]{20,}/);
    // Operators can alert on the same facts.
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('plinth_ids_worker_lease_held 1');
    expect(metrics).toContain('plinth_service_up{service="ids"} 1');
    expect(metrics).toContain('plinth_service_up{service="vault"} 0');
  });
});
