import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { CLIMATE_GROUP, createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const simulation = (annotation: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: downscaler
  annotations:
    plinth.dev/job: ${annotation}
spec: { type: simulation, lifecycle: production, owner: climate }
`;

const SMOKE = `name: downscaler-smoke
command: [sh, -c, 'echo downscaled']
resources: { cpus: 1, timeLimitMinutes: 5 }
labels: { project: downscaling }
`;

describe.each(testDatabases())('a catalog entity that carries a job, on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let repo: GitRepo;
  const sync = async () => (await call(t, keeper, 'POST', '/api/catalog/locations/sims/sync')).json();
  const detail = async () =>
    (await call(t, keeper, 'GET', '/api/catalog/entities/component/default/downscaler')).json();

  beforeAll(async () => {
    t = await startTestServer({ database });
    keeper = await bearer(t, t.adminUsername);
    repo = createGitRepo();
    repo.write('catalog/group.yaml', CLIMATE_GROUP);
    repo.write('catalog/downscaler.yaml', simulation('jobs/smoke.yaml'));
    repo.write('catalog/jobs/smoke.yaml', SMOKE);
    repo.write('.github/workflows/ci.yml', 'name: ci\non: push\njobs: {}\n');
    repo.commit('a simulation with its smoke test');
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'sims',
      target: repo.url,
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
  });

  test("the entity's page gets the job file, read at the same commit; other tools' YAML is not a problem", async () => {
    const entity = await detail();
    expect(entity.job).toMatchObject({
      file: 'catalog/jobs/smoke.yaml',
      spec: {
        name: 'downscaler-smoke',
        command: ['sh', '-c', 'echo downscaled'],
        labels: { project: 'downscaling' },
      },
    });
    expect(entity.problems).toEqual([]);
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems')).json();
    expect(problems.items).toEqual([]);
  });

  test('the job spec submits as it is, and runs', async () => {
    const { spec } = (await detail()).job;
    const submitted = await call(t, keeper, 'POST', '/api/jobs', { ...spec, executor: 'local' });
    expect(submitted.statusCode).toBe(201);
    const id = submitted.json().id;
    let state = submitted.json().state;
    for (let i = 0; i < 100 && (state === 'pending' || state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      await t.server.compute.collector.cycle();
      state = (await call(t, keeper, 'GET', `/api/jobs/${id}`)).json().state;
    }
    expect(state).toBe('succeeded');
  });

  test('a commit that changes only the job file updates the entity', async () => {
    repo.write('catalog/jobs/smoke.yaml', SMOKE.replace('timeLimitMinutes: 5', 'timeLimitMinutes: 9'));
    repo.commit('longer smoke test');
    const { revision } = await sync();
    expect(revision).toMatchObject({ outcome: 'applied', changed: 1 });
    expect((await detail()).job.spec.resources).toEqual({ cpus: 1, timeLimitMinutes: 9 });
  });

  test('a job file removed from git is a problem of the entity, shown to its owners; the entity stays', async () => {
    repo.remove('catalog/jobs/smoke.yaml');
    repo.commit('remove the smoke test');
    await sync();
    const entity = await detail();
    expect(entity.job).toBeNull();
    expect(entity.problems).toEqual([
      expect.objectContaining({
        code: 'CATALOG_JOB_FILE',
        file: 'catalog/downscaler.yaml',
        line: 6,
        field: 'metadata.annotations.plinth.dev/job',
      }),
    ]);
    const mine = (await call(t, keeper, 'GET', '/api/catalog/problems?owner=group:default/climate')).json();
    expect(mine.items.map((p: { code: string }) => p.code)).toEqual(['CATALOG_JOB_FILE']);
  });
});
