import { describe, expect, test } from 'vitest';
import { parseCatalogFile } from './parse-yaml.js';
import { validateEntity } from './validate-entity.js';

function problemsOf(text: string): string[] {
  const [parsed] = parseCatalogFile(text, 'x.yaml').entities;
  if (!parsed) throw new Error('the fixture has no entity');
  return validateEntity(parsed).map((p) => `${p.line}:${p.column} ${p.code} ${p.severity} ${p.message}`);
}

const group = (metadata: string, head = 'apiVersion: backstage.io/v1alpha1\nkind: Group') =>
  `${head}\nmetadata:\n  name: optics\n${metadata}spec:\n  type: team\n`;

describe('validateEntity: the envelope', () => {
  test('a name that does not follow the rules says what would', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: Pi Sim\nspec:\n  type: team\n';
    expect(problemsOf(text)).toEqual([
      "4:9 CATALOG_SCHEMA error metadata.name: 'Pi Sim' is not a valid name: use letters, digits, -, _ and . (at most 63 characters)",
    ]);
    const long = text.replace('Pi Sim', 'x'.repeat(64));
    expect(problemsOf(long)).toEqual([
      `4:9 CATALOG_SCHEMA error metadata.name: '${'x'.repeat(57)}…' is not a valid name: use letters, digits, -, _ and . (at most 63 characters)`,
    ]);
  });

  test('namespace, tags, labels, annotations and links follow Backstage', () => {
    const metadata =
      '  namespace: my_lab\n  tags: [Python, ok]\n  labels:\n    Bad Key: v\n    tier: not ok\n  annotations:\n    example.com/ok: any text at all\n  links:\n    - title: no url\n';
    expect(problemsOf(group(metadata))).toEqual([
      "5:14 CATALOG_SCHEMA error metadata.namespace: 'my_lab' is not a valid namespace: use letters, digits and - (at most 63 characters)",
      "6:10 CATALOG_SCHEMA error metadata.tags.0: 'Python' is not a valid tag: use lower-case letters, digits, +, # and :, joined by - (e.g. 'machine-learning')",
      "8:14 CATALOG_SCHEMA error metadata.labels.Bad Key: the key 'Bad Key' is not a valid label key: use letters, digits, -, _ and ., optionally after a prefix such as example.com/",
      "9:11 CATALOG_SCHEMA error metadata.labels.tier: 'not ok' is not a valid label value: use letters, digits, -, _ and . (at most 63 characters)",
      '13:7 CATALOG_SCHEMA error metadata.links.0.url: is missing; every entity must have it',
    ]);
  });

  test('an unknown kind suggests the closest known one', () => {
    expect(problemsOf(group('', 'apiVersion: backstage.io/v1alpha1\nkind: Compnent'))).toEqual([
      "2:7 CATALOG_UNKNOWN_KIND error kind: 'Compnent' is not a known kind (did you mean 'Component'?); known kinds: API, Component, Dataset, Domain, Group, Location, Resource, System, Technology, User",
    ]);
    expect(problemsOf(group('', 'apiVersion: backstage.io/v1alpha1\nkind: group'))[0]).toContain(
      "(did you mean 'Group'?)",
    );
    expect(problemsOf(group('', 'apiVersion: backstage.io/v1alpha1\nkind: Spaceship'))[0]).toContain(
      "kind: 'Spaceship' is not a known kind; known kinds: API,",
    );
  });

  test('a kind under the wrong apiVersion says where it lives', () => {
    expect(problemsOf(group('', 'apiVersion: plinth.dev/v1alpha1\nkind: Group'))).toEqual([
      "1:13 CATALOG_UNKNOWN_KIND error apiVersion: 'plinth.dev/v1alpha1' has no kind Group (this kind is under backstage.io/v1alpha1)",
    ]);
    expect(problemsOf(group('', 'kind: Group'))).toEqual([
      '1:1 CATALOG_SCHEMA error apiVersion: is missing; every entity must have it',
    ]);
  });

  test('a spec that is not a mapping is an error, and its fields are not checked', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: a\nspec: team\n';
    expect(problemsOf(text)).toEqual([
      "5:7 CATALOG_SCHEMA error spec: must be a mapping (key: value lines), not 'team'",
    ]);
  });

  test('a missing spec is reported as the missing fields', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: a\n';
    expect(problemsOf(text)).toEqual([
      '1:1 CATALOG_SCHEMA error spec.owner: is missing; a System must have it',
    ]);
  });

  test('fields no schema knows are kept, with a warning and a guess', () => {
    const text = group('  descripton: typo\n').replace('spec:', 'owner: x\nspec:');
    expect(problemsOf(text)).toEqual([
      "5:15 CATALOG_SCHEMA warning metadata.descripton: is not a field of metadata (did you mean 'description'? known fields: name, namespace, title, description, labels, annotations, tags, links, uid, etag); it is kept but not used",
      '6:8 CATALOG_SCHEMA warning owner: is not a field of an entity (known fields: apiVersion, kind, metadata, spec, relations, status); it is kept but not used',
    ]);
  });

  test('every problem names its entity and field', () => {
    const [parsed] = parseCatalogFile(group('  namespace: a_b\n'), 'catalog/x.yaml').entities;
    expect(validateEntity(parsed as never)).toEqual([
      {
        file: 'catalog/x.yaml',
        line: 5,
        column: 14,
        code: 'CATALOG_SCHEMA',
        severity: 'error',
        message: expect.stringMatching(/^metadata\.namespace: /),
        entityRef: 'group:a_b/optics',
        field: 'metadata.namespace',
      },
    ]);
  });
});
