import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Any sequence of UTF-16 code units, lone surrogates included (fc.string seldom makes them). */
const codeUnits = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0xffff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }) },
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((units) => String.fromCharCode(...units));

const roundTripsAsUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

describe.each(testDatabases())('vault values that are not text on %s', (database) => {
  let t: TestServer;
  let headers: Record<string, string>;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestServer({
      database,
      listen: true,
      config: { services: { vault: { key: randomBytes(32).toString('base64'), readsPerMinute: 100_000 } } },
    });
    await t.server.auth.teams.create(systemActor, { name: 'lab', title: 'Lab' });
    await t.createUser({ username: 'ada', teams: ['lab'] });
    headers = { authorization: `Bearer ${await t.tokenFor('ada')}`, 'content-type': 'application/json' };
  });
  afterAll(async () => t?.close());

  const put = (name: string, body: unknown) =>
    fetch(`${t.url}/api/secrets/lab/${name}`, { method: 'PUT', headers, body: JSON.stringify(body) });
  const reveal = async (name: string) => {
    const response = await fetch(`${t.url}/api/secrets/lab/${name}/reveal`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as { value?: string; code?: string } };
  };

  test('a lone surrogate is refused with the field and the character, and nothing is stored', async () => {
    const response = await put('HALF', { value: 'ab\ud800cd' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'INPUT_NOT_TEXT',
      message: expect.stringMatching(/^value: character 3 \(\\ud800\) is half of a UTF-16 surrogate pair/),
      details: [{ field: 'value', message: expect.stringContaining('character 3 (\\ud800)') }],
    });
    expect((await reveal('HALF')).body.code).toBe('VAULT_SECRET_NOT_FOUND');
  });

  test('a new value with a lone surrogate leaves the stored one as it was', async () => {
    expect((await put('KEPT', { value: 'first value' })).status).toBe(201);
    const refused = await put('KEPT', { value: '\udfff trailing half' });
    expect(refused.status).toBe(400);
    expect((await reveal('KEPT')).body.value).toBe('first value');
  });

  test('the vault keeps the rule for callers that do not come through HTTP', async () => {
    const user = await t.server.auth.userStore.findByUsername('ada');
    const principal = {
      user: user as NonNullable<typeof user>,
      role: 'member' as const,
      method: 'token' as const,
    };
    await expect(
      t.server.services.vault.put(principal, systemActor, 'lab', 'DIRECT', {
        value: 'x',
        description: 'y\ud83d',
      }),
    ).rejects.toMatchObject({ code: 'INPUT_NOT_TEXT', details: [{ field: 'description' }] });
  });

  test('property: a value that round-trips as UTF-8 comes back exactly; any other is refused', async () => {
    await fc.assert(
      fc.asyncProperty(codeUnits, async (value) => {
        const name = `P${++counter}`;
        const response = await put(name, { value });
        if (roundTripsAsUtf8(value)) {
          expect(response.status).toBe(201);
          const revealed = await reveal(name);
          expect(revealed.body.value).toBe(value);
        } else {
          expect(response.status).toBe(400);
          expect(((await response.json()) as { code: string }).code).toBe('INPUT_NOT_TEXT');
          expect((await reveal(name)).status).toBe(404);
        }
      }),
      { numRuns: 60 },
    );
  });
});
