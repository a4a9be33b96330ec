import { describe, expect, test } from 'vitest';
import { parseCatalogFile } from './parse-yaml.js';

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: optics
`;

describe('parseCatalogFile', () => {
  test('reads every document of a multi-document file, skipping empty ones', () => {
    const text = `${component('a')}---\n---\n# only a comment\n---\n${component('B')}...\n`;
    const { entities, problems } = parseCatalogFile(text, 'catalog/x.yaml');
    expect(problems).toEqual([]);
    expect(entities.map((e) => e.ref)).toEqual(['component:default/a', 'component:default/b']);
    expect(entities[1]?.position).toEqual({ file: 'catalog/x.yaml', line: 13, column: 1 });
    expect(entities[1]?.entity.metadata.name).toBe('B');
  });

  test('keeps the raw text of each document', () => {
    const text = `# team file\n${component('a')}---\n${component('b')}`;
    const [first, second] = parseCatalogFile(text, 'x.yaml').entities;
    expect(first?.raw).toBe(component('a'));
    expect(second?.raw).toBe(`---\n${component('b')}`);
  });

  test('records the line and column of every field, by dotted path', () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pi-sim
  tags: [python, simulation]
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  owner:   optics
  dependsOn:
    - resource:db
`;
    const [parsed] = parseCatalogFile(text, 'x.yaml').entities;
    const at = (path: string) => parsed?.fieldPositions.get(path);
    expect(at('kind')).toEqual({ line: 2, column: 7 });
    expect(at('metadata')).toEqual({ line: 3, column: 1 });
    expect(at('metadata.tags.1')).toEqual({ line: 5, column: 18 });
    expect(at('metadata.annotations.backstage.io/techdocs-ref')).toEqual({ line: 7, column: 32 });
    expect(at('spec.owner')).toEqual({ line: 9, column: 12 });
    expect(at('spec.dependsOn')).toEqual({ line: 10, column: 3 });
    expect(at('spec.dependsOn.0')).toEqual({ line: 11, column: 7 });
  });

  test('a YAML syntax error is located, and the other documents are still read', () => {
    const text = `${component('a')}---\nkind: Component\nmetadata:\n  name: b\n title: bad indent\n---\n${component('c')}`;
    const { entities, problems } = parseCatalogFile(text, 'x.yaml');
    expect(entities.map((e) => e.ref)).toEqual(['component:default/a', 'component:default/c']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'x.yaml',
      line: 13,
      column: 1,
      code: 'CATALOG_YAML_SYNTAX',
      severity: 'error',
    });
    expect(problems[0]?.message).toMatch(/^not valid YAML: /);
  });

  test('a key written twice is a problem at the second one', () => {
    const text = 'kind: Group\nmetadata:\n  name: a\n  name: b\n';
    expect(parseCatalogFile(text, 'x.yaml').problems).toEqual([
      {
        file: 'x.yaml',
        line: 4,
        column: 3,
        code: 'CATALOG_YAML_SYNTAX',
        severity: 'error',
        message: "the key 'name' is written twice in this mapping; keep one",
      },
    ]);
  });

  test('tabs used for indentation get a hint', () => {
    const { problems } = parseCatalogFile('kind: Group\nmetadata:\n\tname: a\n', 'x.yaml');
    expect(problems[0]?.message).toMatch(/tab/i);
  });

  test('in a catalog file, a document that is not a mapping is not an entity', () => {
    const text = 'kind: Group\nmetadata: { name: a }\n---\n- a\n- b\n---\njust text\n';
    const { entities, problems } = parseCatalogFile(text, 'x.yaml');
    expect(entities.map((e) => e.ref)).toEqual(['group:default/a']);
    expect(problems.map((p) => [p.line, p.column, p.code, p.message.slice(0, 30)])).toEqual([
      [4, 1, 'CATALOG_NOT_AN_ENTITY', 'this YAML document is a list, '],
      [7, 1, 'CATALOG_NOT_AN_ENTITY', 'this YAML document is a single'],
    ]);
  });

  test("other tools' YAML beside the catalog files is skipped, not reported", () => {
    const others = {
      '.github/workflows/ci.yml': 'name: ci\non: push\njobs:\n  test: { runs-on: ubuntu-latest }\n',
      'dvc.yaml': 'stages:\n  simulate: { cmd: python3 simulate.py }\n',
      'k8s/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: train }\nspec: {}\n',
      'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
      'list.yaml': '- a\n- b\n',
    };
    for (const [file, text] of Object.entries(others)) {
      expect(parseCatalogFile(text, file), file).toEqual({ entities: [], problems: [], ignored: true });
    }
  });

  test('an entity with a misspelt or missing apiVersion is still checked, not skipped', () => {
    const misspelt = parseCatalogFile(
      'apiVersion: backstgae.io/v1alpha1\nkind: Group\nmetadata: { name: a }\n',
      'x.yaml',
    );
    expect(misspelt.ignored).toBeUndefined();
    expect(misspelt.entities).toHaveLength(1);
    const forgotten = parseCatalogFile('kind: Group\nmetadata: { name: a }\n', 'x.yaml');
    expect(forgotten.entities).toHaveLength(1);
  });

  test("a broken YAML file with no entity is a warning, as it may be another tool's file", () => {
    const { problems, ignored } = parseCatalogFile('name: ci\non: [push\n', 'ci.yml');
    expect(ignored).toBeUndefined();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['CATALOG_YAML_SYNTAX', 'warning']]);
    expect(problems[0]?.message).toMatch(/holds no catalog entity/);
  });

  test('kind and metadata.name are required to name an entity', () => {
    const problems = (text: string) =>
      parseCatalogFile(text, 'x.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(problems('apiVersion: v1\nmetadata:\n  name: a\n')).toEqual([
      '1:1 kind: is missing; every entity needs apiVersion, kind and metadata.name',
    ]);
    expect(problems('kind: Group\nmetadata:\n  title: A\n')).toEqual([
      '2:1 metadata.name: is missing; every entity needs a name',
    ]);
    expect(problems('kind: Group\nmetadata:\n  name: 2024\n')).toEqual([
      "3:9 metadata.name: must be text, not the number 2024 (put it in quotes: '2024')",
    ]);
    expect(problems('kind: Group\nmetadata: [a]\n')).toEqual([
      '2:1 metadata: must be a mapping with a name, not a list',
    ]);
  });

  test('the namespace is part of the ref, compared without case', () => {
    const text = 'kind: Group\nmetadata:\n  name: Optics\n  namespace: Lab\n';
    expect(parseCatalogFile(text, 'x.yaml').entities[0]?.ref).toBe('group:lab/optics');
  });

  test('YAML 1.1 tags stay text, with a warning, so that entities are plain JSON', () => {
    const text = 'kind: Group\nmetadata:\n  name: a\n  description: !!binary aGk=\n';
    const { entities, problems } = parseCatalogFile(text, 'x.yaml');
    expect(entities[0]?.entity.metadata.description).toBe('aGk=');
    expect(problems[0]).toMatchObject({ line: 4, code: 'CATALOG_YAML_SYNTAX', severity: 'warning' });
  });

  test('anchors and aliases within limits are expanded', () => {
    const text = 'kind: Group\nmetadata:\n  name: a\n  tags: &t [x, y]\nspec:\n  tags: *t\n';
    const [parsed] = parseCatalogFile(text, 'x.yaml').entities;
    expect(parsed?.entity.spec).toEqual({ tags: ['x', 'y'] });
  });

  test('an empty file has nothing in it, and that is fine', () => {
    expect(parseCatalogFile('', 'x.yaml')).toEqual({ entities: [], problems: [] });
    expect(parseCatalogFile('# nothing yet\n', 'x.yaml')).toEqual({ entities: [], problems: [] });
  });
});
