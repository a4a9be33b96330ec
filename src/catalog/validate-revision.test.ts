import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatProblem } from './format-problem.js';
import { RELATION_PAIRS } from './model.js';
import { readCatalogFolder } from './read-folder.js';
import { validateRevision } from './validate-revision.js';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

const doc = (kind: string, name: string, spec: string, apiVersion = 'backstage.io/v1alpha1') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const team = (name: string) => doc('Group', name, '  type: team\n');
const service = (name: string, owner: string, more = '') =>
  doc('Component', name, `  type: service\n  lifecycle: production\n  owner: ${owner}\n${more}`);

describe('validateRevision', () => {
  test('a consistent catalog has no problem, and relations in both directions', async () => {
    const { files } = await readCatalogFolder(fixture('valid'));
    const { entities, relations, problems } = validateRevision(files);
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(13);
    expect(relations).toContainEqual({
      source: 'component:default/pi-sim',
      type: 'ownedBy',
      target: 'group:default/optics',
    });
    expect(relations).toContainEqual({
      source: 'group:default/optics',
      type: 'ownerOf',
      target: 'component:default/pi-sim',
    });
    expect(relations).toContainEqual({
      source: 'api:default/pi-api',
      type: 'apiProvidedBy',
      target: 'component:default/pi-sim',
    });
    expect(relations).toContainEqual({
      source: 'dataset:default/beam-raw',
      type: 'dependencyOf',
      target: 'dataset:default/beam-clean',
    });
    expect(relations).toContainEqual({
      source: 'system:default/beam-lab',
      type: 'hasPart',
      target: 'dataset:default/beam-raw',
    });
    expect(relations).toContainEqual({
      source: 'group:default/research',
      type: 'parentOf',
      target: 'group:default/optics',
    });
    const inverse = new Map(
      Object.entries(RELATION_PAIRS).flatMap(
        ([a, b]) =>
          [
            [a, b],
            [b, a],
          ] as const,
      ),
    );
    const keys = new Set(relations.map((r) => `${r.source} ${r.type} ${r.target}`));
    expect(keys.size).toBe(relations.length);
    for (const r of relations) expect(keys).toContain(`${r.target} ${inverse.get(r.type)} ${r.source}`);
  });

  test('each problem of a broken catalog, at its file, line and column', async () => {
    const { files } = await readCatalogFolder(fixture('invalid'));
    const { entities, problems } = validateRevision(files);
    expect(problems.map(formatProblem)).toEqual([
      'components.yaml:4:9 CATALOG_DUPLICATE_REF metadata.name: component:default/pi-sim is defined again in systems.yaml:15; each entity must be defined once (this definition is used)',
      "components.yaml:7:14 CATALOG_SCHEMA warning: spec.lifecycle: 'beta' is not one of experimental, production, deprecated; it is kept, but filters and other tools may not know it",
      "components.yaml:8:10 CATALOG_DANGLING_REF spec.owner: 'team-x' is not a known Group",
      "components.yaml:12:7 CATALOG_UNKNOWN_KIND kind: 'Compnent' is not a known kind (did you mean 'Component'?); known kinds: API, Component, Dataset, Domain, Group, Location, Resource, System, Technology, User",
      "components.yaml:20:9 CATALOG_SCHEMA metadata.name: 'Pi Sim' is not a valid name: use letters, digits, -, _ and . (at most 63 characters)",
      'components.yaml:21:1 CATALOG_SCHEMA spec.owner: is missing; a Component must have it',
      "components.yaml:31:9 CATALOG_SCHEMA spec.ring: 'adopted' is not allowed; use one of adopt, trial, assess, hold (did you mean 'adopt'?)",
      'systems.yaml:18:9 CATALOG_DUPLICATE_REF metadata.name: component:default/pi-sim is already defined in components.yaml:1; each entity must be defined once (this definition is ignored)',
    ]);
    // The first definition is kept despite its dangling owner; the entities in error are not.
    expect(entities.map((e) => e.ref)).toEqual([
      'component:default/pi-sim',
      'system:default/beam-lab',
      'group:default/optics',
    ]);
    expect(entities[0]?.entity.spec?.type).toBe('simulation');
  });

  test('a dangling reference is an error at the field, the entity is kept, the relation is set aside', () => {
    const files = [
      {
        path: 'a.yaml',
        text: `${team('optics')}---\n${service('pi-sim', 'optics', '  dependsOn: [resource:db]\n')}`,
      },
    ];
    const { entities, relations, problems, unresolved } = validateRevision(files);
    expect(problems).toEqual([
      {
        file: 'a.yaml',
        line: 16,
        column: 15,
        code: 'CATALOG_DANGLING_REF',
        severity: 'error',
        message: "spec.dependsOn.0: 'resource:db' is not a known Resource",
        entityRef: 'component:default/pi-sim',
        field: 'spec.dependsOn.0',
      },
    ]);
    expect(entities).toHaveLength(2);
    expect(relations).toHaveLength(2);
    expect(unresolved).toEqual([
      {
        relation: { source: 'component:default/pi-sim', type: 'dependsOn', target: 'resource:default/db' },
        problem: problems[0],
      },
    ]);
  });

  test('a reference to an entity that has errors says so', () => {
    const broken = doc('Group', 'optics', '  type: [team]\n');
    const { problems } = validateRevision([
      { path: 'a.yaml', text: `${broken}---\n${service('x', 'optics')}` },
    ]);
    expect(problems.map((p) => p.message)).toContain(
      "spec.owner: 'optics' is a Group with problems of its own (a.yaml:1), so it is not in the catalog",
    );
  });

  test('a reference of the wrong kind, or without a kind where one is needed, is invalid', () => {
    const text = `${team('optics')}---\n${service('a', 'component:b')}---\n${service('b', 'optics', '  dependsOn: [db]\n')}`;
    const { entities, problems } = validateRevision([{ path: 'a.yaml', text }]);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
      "15:10 CATALOG_INVALID_REF spec.owner: 'component:b' refers to a Component; here it must refer to a Group or a User",
      "25:15 CATALOG_INVALID_REF spec.dependsOn.0: 'db' does not say which kind of entity it is: write it as kind:name, e.g. 'resource:db'",
    ]);
    expect(entities.map((e) => e.ref)).toEqual(['group:default/optics']);
  });

  test('the same ref in two files: both are told, the first one is kept', () => {
    const { entities, problems } = validateRevision([
      { path: 'b.yaml', text: team('optics') },
      { path: 'a.yaml', text: team('Optics') },
    ]);
    expect(entities.map((e) => e.position.file)).toEqual(['b.yaml']);
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['b.yaml', 'CATALOG_DUPLICATE_REF'],
      ['a.yaml', 'CATALOG_DUPLICATE_REF'],
    ]);
  });

  test('a relation stated from both ends is listed once', () => {
    const user = doc('User', 'ada', '  memberOf: [optics]\n');
    const group = doc('Group', 'optics', '  type: team\n  members: [ada]\n');
    const { relations } = validateRevision([{ path: 'a.yaml', text: `${user}---\n${group}` }]);
    expect(relations).toEqual([
      { source: 'user:default/ada', type: 'memberOf', target: 'group:default/optics' },
      { source: 'group:default/optics', type: 'hasMember', target: 'user:default/ada' },
    ]);
  });

  test("short refs resolve in the entity's own namespace", () => {
    const inLab = (text: string) => text.replace('metadata:\n', 'metadata:\n  namespace: lab\n');
    const { relations, problems } = validateRevision([
      { path: 'a.yaml', text: `${inLab(team('optics'))}---\n${inLab(service('x', 'optics'))}` },
    ]);
    expect(problems).toEqual([]);
    expect(relations[0]).toEqual({ source: 'component:lab/x', type: 'ownedBy', target: 'group:lab/optics' });
  });
});

describe('validateRevision, for any input', () => {
  const spec = fc.constantFrom(
    '  type: team\n',
    '  type: service\n  lifecycle: production\n  owner: g0\n',
    '  owner: g1\n  domain: d0\n',
    '  memberOf: [g0, group:g1]\n',
    '  type: [x]\n',
  );
  const entity = fc
    .tuple(
      fc.constantFrom('Group', 'Component', 'System', 'User', 'Domain', 'Thing'),
      fc.constantFrom('g0', 'g1', 'd0', 'x'),
      spec,
    )
    .map(([kind, name, body]) => doc(kind, name, body));
  const file = fc.oneof(
    fc.array(entity, { maxLength: 4 }).map((docs) => docs.join('---\n')),
    fc.string(),
  );

  test('never throws; entities are unique; relations join entities and come in pairs', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 4 }), (texts) => {
        const files = texts.map((text, i) => ({ path: `f${i}.yaml`, text }));
        const { entities, relations, problems } = validateRevision(files);
        const refs = new Set(entities.map((e) => e.ref));
        expect(refs.size).toBe(entities.length);
        for (const r of relations) {
          expect(refs).toContain(r.source);
          expect(refs).toContain(r.target);
        }
        expect(relations.length % 2).toBe(0);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
