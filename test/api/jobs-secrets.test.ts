import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SECRET = `tok-${randomBytes(12).toString('hex')}`;

describe("a job's env takes secrets from its team's vault", () => {
  let t: TestServer;
  let ann: Caller;

  beforeAll(async () => {
    t = await startTestServer({
      config: {
        services: { vault: { key: randomBytes(32).toString('base64') } },
        compute: { pollIntervalSeconds: 0.2 },
      },
    });
    await t.server.auth.teams.create(
      { userId: null, username: null, ip: null },
      { name: 'lab', title: 'Lab' },
    );
    await t.createUser({ username: 'ann', teams: ['lab'] });
    ann = await bearer(t, 'ann');
    expect(
      (await call(t, ann, 'PUT', '/api/secrets/lab/API_TOKEN', { value: SECRET })).statusCode,
    ).toBeLessThan(300);
    t.server.compute.collector.start();
  });
  afterAll(() => t?.close());

  test('the job gets the value; the stored spec, the script and the audit log keep only the reference', async () => {
    const submitted = await call(t, ann, 'POST', '/api/jobs', {
      name: 'uses-token',
      executor: 'local',
      // The job prints how long its TOKEN is, and whether it starts as the stored secret does.
      command: [
        'sh',
        '-c',
        'printf %s "$TOKEN" | wc -c; case "$TOKEN" in "$EXPECTED_PREFIX"*) echo prefix ok;; esac',
      ],
      env: { TOKEN: 'secret:API_TOKEN', EXPECTED_PREFIX: 'tok-' },
    });
    expect(submitted.statusCode).toBe(201);
    const id = submitted.json().id;
    let job = submitted.json();
    for (let i = 0; i < 100 && (job.state === 'pending' || job.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call(t, ann, 'GET', `/api/jobs/${id}`)).json();
    }
    expect(job.state).toBe('succeeded');
    const log = (await call(t, ann, 'GET', `/api/jobs/${id}/logs`)).json();
    expect(log.text.split('\n').map((l: string) => l.trim())).toEqual([
      String(SECRET.length),
      'prefix ok',
      '',
    ]);
    expect(job.spec.env).toEqual({ TOKEN: 'secret:API_TOKEN', EXPECTED_PREFIX: 'tok-' });
    expect(JSON.stringify(job)).not.toContain(SECRET);
    const rows = await t.server.database.db.selectFrom('jobs').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const audit = await t.server.database.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(audit.map((a) => a.action)).toContain('secrets.read-for-job');
  });

  test('a secret the team does not have is refused at its env field, before anything runs', async () => {
    const refused = await call(t, ann, 'POST', '/api/jobs', {
      name: 'missing',
      executor: 'local',
      command: ['true'],
      env: { TOKEN: 'secret:NOPE' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'COMPUTE_INVALID_SPEC', details: [{ field: 'env.TOKEN' }] });
    expect(refused.json().message).toContain("team lab's vault has no secret 'NOPE'");
  });
});
