import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attachJobs, jobFilePath } from './entity-job.js';
import { validateRevision } from './validate-revision.js';

const entity = (annotation: string, name = 'sim') =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    plinth.dev/job: ${annotation}
spec: { type: simulation, lifecycle: production, owner: lab }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: lab }
spec: { type: team, children: [] }
`;

function attach(files: Record<string, string>) {
  const list = Object.entries(files).map(([path, text]) => ({ path, text }));
  return attachJobs(validateRevision(list).entities, list);
}

describe('jobFilePath', () => {
  test('resolves against the folder of the entity file', () => {
    expect(jobFilePath('teams/climate.yaml', 'jobs/run.yaml')).toBe('teams/jobs/run.yaml');
    expect(jobFilePath('teams/climate.yaml', './jobs/run.yaml')).toBe('teams/jobs/run.yaml');
    expect(jobFilePath('teams/climate.yaml', '../jobs/run.yaml')).toBe('jobs/run.yaml');
    expect(jobFilePath('catalog-info.yaml', 'run.yaml')).toBe('run.yaml');
  });

  test('refuses absolute paths, URLs and ways out of the repository', () => {
    expect(jobFilePath('a.yaml', '/etc/passwd')).toBeNull();
    expect(jobFilePath('a.yaml', 'https://example.org/job.yaml')).toBeNull();
    expect(jobFilePath('teams/a.yaml', '../../job.yaml')).toBeNull();
    expect(jobFilePath('a.yaml', 'jobs/../../job.yaml')).toBeNull();
    expect(jobFilePath('a.yaml', '   ')).toBeNull();
  });

  test('whatever the annotation says, the path stays inside the repository', () => {
    const segment = fc.constantFrom('..', '.', 'jobs', 'a', '', 'b.yaml');
    const path = fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(path, path, (entityFile, annotation) => {
        const resolved = jobFilePath(`${entityFile}/x.yaml`.replace(/^\/+/, ''), annotation);
        if (resolved === null) return;
        expect(resolved.startsWith('/')).toBe(false);
        expect(resolved === '..' || resolved.startsWith('../')).toBe(false);
      }),
    );
  });
});

describe('attachJobs', () => {
  test('attaches the job file an entity points at, read in the same revision', () => {
    const job = 'name: smoke\ncommand: [python3, run.py]\n';
    const { jobs, problems } = attach({
      'catalog/sim.yaml': entity('jobs/smoke.yaml'),
      'catalog/jobs/smoke.yaml': job,
    });
    expect(problems).toEqual([]);
    expect(jobs.get('component:default/sim')).toEqual({ file: 'catalog/jobs/smoke.yaml', text: job });
  });

  test('a missing job file is a problem at the annotation, with the entity it belongs to', () => {
    const { jobs, problems } = attach({ 'sim.yaml': entity('jobs/gone.yaml') });
    expect(jobs.size).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'sim.yaml',
        line: 6,
        column: 21,
        code: 'CATALOG_JOB_FILE',
        entityRef: 'component:default/sim',
        field: 'metadata.annotations.plinth.dev/job',
      }),
    ]);
    expect(problems[0]?.message).toMatch(/jobs\/gone\.yaml.*not in this location/);
  });

  test('a path out of the repository is refused, not read', () => {
    const { jobs, problems } = attach({
      'sim.yaml': entity('../outside.yaml'),
      '../outside.yaml': 'name: x\n',
    });
    expect(jobs.size).toBe(0);
    expect(problems[0]?.message).toMatch(/relative to this file, inside the repository/);
  });

  test('a job file that is not valid YAML, or not a mapping, is a problem at its own line', () => {
    const broken = attach({ 'sim.yaml': entity('job.yaml'), 'job.yaml': 'name: x\ncommand: [a, b\n' });
    expect(broken.problems).toEqual([
      expect.objectContaining({
        file: 'job.yaml',
        code: 'CATALOG_JOB_FILE',
        entityRef: 'component:default/sim',
      }),
    ]);
    const list = attach({ 'sim.yaml': entity('job.yaml'), 'job.yaml': '- a\n- b\n' });
    expect(list.problems[0]?.message).toMatch(/must be one mapping/);
  });

  test('an oversized job file is refused', () => {
    const { problems } = attach({
      'sim.yaml': entity('job.yaml'),
      'job.yaml': `name: x\n# ${'x'.repeat(70_000)}\n`,
    });
    expect(problems[0]?.message).toMatch(/larger than 64 KiB/);
  });
});
