import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const DRY_RUN = '/api/templates/default/slurm-batch-experiment/dry-run';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `{"a":[{"a":[… 1 …]}]}`, `depth` lists and objects deep, built as text: no recursion here either. */
const nested = (depth: number) => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}1${close}`;
};

describe.each(testDatabases())('deep, cyclic and ill-formed input on %s', (database) => {
  let t: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ database, listen: true });
    auth = { authorization: `Bearer ${await t.tokenFor(t.adminUsername)}` };
    await t.server.catalog.locations.syncNow(systemActor, 'templates');
  });
  afterAll(async () => t?.close());

  const send = async (method: string, path: string, body: string | Uint8Array) => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return {
      status: response.status,
      json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
    };
  };

  test('every route that takes a body answers nesting 10,000 deep with 400 INPUT_TOO_DEEP', async () => {
    const routes = t.server.routeTable.filter((r) => BODY_METHODS.has(r.method) && r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(30);
    const body = `{"parameters":${nested(10_000)}}`;
    for (const route of routes) {
      const path = route.url.replaceAll(/:\w+/g, 'x').replace('*', 'x');
      const { status, json } = await send(route.method, path, body);
      expect(status, `${route.method} ${route.url}`).toBeGreaterThanOrEqual(400);
      expect(status, `${route.method} ${route.url}`).toBeLessThan(500);
      // The webhook keeps its raw text for the signature; attachments are bytes: neither is JSON.
      const parsesJson = !/\/(webhook|attachments)$/.test(route.url);
      if (parsesJson) expect(json.code, `${route.method} ${route.url}`).toBe('INPUT_TOO_DEEP');
      else expect(json.code, `${route.method} ${route.url}`).toEqual(expect.any(String));
    }
  });

  test('template parameters, tasks and job options name the field that is too deep', async () => {
    const cases = [
      [
        DRY_RUN,
        `{"parameters":{"name":"deep-run","owner":"keepers","extra":${nested(10_000)}}}`,
        'parameters.extra',
      ],
      [
        '/api/tasks',
        `{"templateRef":"slurm-batch-experiment","parameters":{"name":"deep-run","owner":"keepers","x":${nested(10_000)}}}`,
        'parameters.x',
      ],
      ['/api/jobs', `{"name":"deep","command":["true"],"options":{"o":${nested(10_000)}}}`, 'options.o'],
      ['/api/jobs', `{"name":"deep","command":["true"],"labels":${nested(10_000)}}`, 'labels'],
    ] as const;
    for (const [path, body, field] of cases) {
      const { status, json } = await send('POST', path, body);
      expect(status, path).toBe(400);
      expect(json).toMatchObject({
        code: 'INPUT_TOO_DEEP',
        message: expect.stringContaining(`${field}.`),
        details: [{ field: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}\\.`)) }],
      });
    }
  });

  test('property: template parameters of any depth get an answer, never a 500, and INPUT_TOO_DEEP past 64', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.jsonValue({ maxDepth: 3 }),
        async (depth, leaf) => {
          const extra = nested(depth).replace('1', JSON.stringify(leaf) ?? 'null');
          const body = `{"parameters":{"name":"deep-run","owner":"keepers","extra":${extra}}}`;
          const { status, json } = await send('POST', DRY_RUN, body);
          expect(status).toBeLessThan(500);
          // The body is one level, parameters a second: extra may nest 62 more before the limit.
          if (depth > 62) expect(json.code).toBe('INPUT_TOO_DEEP');
          if (depth + 3 <= 62) expect(json.code).not.toBe('INPUT_TOO_DEEP');
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the JSON parser still refuses prototype poisoning, as Fastify’s own does', async () => {
    for (const body of [
      '{"name":"p-team","title":"T","__proto__":{"x":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
    ]) {
      const { status, json } = await send('POST', '/api/teams', body);
      expect(status, body).toBe(400);
      expect(json.code, body).toBe('REQUEST_MALFORMED');
    }
  });

  test('a string UTF-8 cannot carry, or bytes that are not UTF-8, are refused with the field', async () => {
    const lone = await send('POST', '/api/teams', '{"name":"odd-team","title":"Odd \\ud800 title"}');
    expect(lone.status).toBe(400);
    expect(lone.json).toMatchObject({
      code: 'INPUT_NOT_TEXT',
      details: [{ field: 'title', message: expect.stringContaining('character 5 (\\ud800)') }],
    });
    const bytes = Buffer.concat([
      Buffer.from('{"name":"odd-team","title":"Bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const invalid = await send('POST', '/api/teams', bytes);
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ code: 'INPUT_NOT_TEXT', details: [{ field: 'title' }] });
    const stored = await t.server.auth.teamStore.findByName('odd-team');
    expect(stored).toBeUndefined();
  });
});
