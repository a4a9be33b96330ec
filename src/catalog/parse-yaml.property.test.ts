import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { CatalogProblem } from './model.js';
import { type ParsedFile, parseCatalogFile } from './parse-yaml.js';
import { CATALOG_PROBLEM_CODES } from './problem-codes.js';

/** Everything a parse returns is an entity or a located problem that names a known code. */
function expectWellFormed(result: ParsedFile, file: string): void {
  for (const problem of result.problems) expectLocated(problem, file);
  for (const parsed of result.entities) {
    expect(parsed.ref).toMatch(/^[^:]+:[^/]+\/.+$/);
    expect(parsed.position.file).toBe(file);
    expect(parsed.position.line).toBeGreaterThanOrEqual(1);
    expect(parsed.position.column).toBeGreaterThanOrEqual(1);
    for (const at of parsed.fieldPositions.values()) {
      expect(at.line).toBeGreaterThanOrEqual(1);
      expect(at.column).toBeGreaterThanOrEqual(1);
    }
  }
}

function expectLocated(problem: CatalogProblem, file: string): void {
  expect(problem.file).toBe(file);
  expect(problem.line).toBeGreaterThanOrEqual(1);
  expect(problem.column).toBeGreaterThanOrEqual(1);
  expect(Object.keys(CATALOG_PROBLEM_CODES)).toContain(problem.code);
  expect(problem.message.length).toBeGreaterThan(0);
}

// Fragments that make random text look like YAML, to reach deeper into the parser than noise does.
const yamlish = fc
  .array(
    fc.constantFrom(
      'kind: Group\n',
      'metadata:\n',
      '  name: x\n',
      'apiVersion: backstage.io/v1alpha1\n',
      'spec:\n',
      '---\n',
      '...\n',
      '- ',
      '  ',
      '\t',
      ': ',
      '? ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      '&a ',
      '*a',
      '!!str ',
      '!tag ',
      '"',
      "'",
      '|\n',
      '>-\n',
      '# c\n',
      '%YAML 1.2\n',
      'a',
      '1',
      '\n',
      '\\',
      '\u00e9',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parseCatalogFile, for any input', () => {
  test('never throws on arbitrary text, and returns only entities or located problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), yamlish), (text) => {
        expectWellFormed(parseCatalogFile(text, 'any.yaml'), 'any.yaml');
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on tight limits either', () => {
    const limits = fc.record({
      maxFileBytes: fc.nat(200),
      maxDocuments: fc.nat(3),
      maxDepth: fc.nat(3),
      maxAliasCount: fc.nat(2),
      maxExpandedNodes: fc.nat(20),
    });
    fc.assert(
      fc.property(yamlish, limits, (text, max) => {
        expectWellFormed(parseCatalogFile(text, 'any.yaml', max), 'any.yaml');
      }),
    );
  });

  test('never throws on any JSON value written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseCatalogFile(stringify(value), 'any.yaml'), 'any.yaml');
      }),
    );
  });

  test('an entity written as YAML reads back as the same value', () => {
    const entity = fc.record({
      // A catalog group, or text that is no `group/version` at all (another group's file is skipped).
      apiVersion: fc.oneof(
        fc.constantFrom('backstage.io/v1alpha1', 'plinth.dev/v1alpha1', 'scaffolder.backstage.io/v1beta3'),
        fc.string().filter((s) => !s.includes('/')),
      ),
      kind: fc.string({ minLength: 1 }),
      metadata: fc.record({ name: fc.string({ minLength: 1 }), tags: fc.array(fc.string()) }),
      spec: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
    });
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 3 }), (entities) => {
        const text = entities.map((e) => stringify(e)).join('---\n');
        const result = parseCatalogFile(text, 'any.yaml');
        expect(result.problems).toEqual([]);
        const normalize = (value: unknown) => JSON.parse(JSON.stringify(value));
        expect(result.entities.map((e) => normalize(e.entity))).toEqual(normalize(entities));
        expect(result.entities.map((e) => e.ref)).toEqual(
          entities.map((e) => `${e.kind}:default/${e.metadata.name}`.toLowerCase()),
        );
      }),
    );
  });

  test('a mapping of another API group is skipped whole, whatever else it holds', () => {
    const group = fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/).filter((g) => !/backst|plinth/i.test(g));
    fc.assert(
      fc.property(
        group,
        fc.stringMatching(/^v[0-9][a-z0-9]{0,6}$/),
        fc.jsonValue(),
        (name, version, spec) => {
          const text = stringify({
            apiVersion: `${name}/${version}`,
            kind: 'Job',
            metadata: { name: 'x' },
            spec,
          });
          expect(parseCatalogFile(text, 'k8s.yaml')).toEqual({ entities: [], problems: [], ignored: true });
        },
      ),
    );
  });
});
