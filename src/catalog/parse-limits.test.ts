import { describe, expect, test } from 'vitest';
import { parseCatalogFile } from './parse-yaml.js';

const entity = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: a\nspec:\n  type: team\n';

/** The classic "billion laughs": nine levels of nine aliases, 9^9 strings once expanded. */
function billionLaughs(): string {
  let text = `${entity}  lol0: &lol0 "lol"\n`;
  for (let level = 1; level <= 9; level++) {
    text += `  lol${level}: &lol${level} [${Array(9)
      .fill(`*lol${level - 1}`)
      .join(', ')}]\n`;
  }
  return text;
}

function heapGrowth(run: () => void): number {
  const before = process.memoryUsage().heapUsed;
  run();
  return process.memoryUsage().heapUsed - before;
}

describe('hostile or oversized files are refused with a located problem', () => {
  test('a billion-laughs alias bomb, without expanding it', () => {
    let result: ReturnType<typeof parseCatalogFile> | undefined;
    const growth = heapGrowth(() => {
      result = parseCatalogFile(billionLaughs(), 'bomb.yaml');
    });
    expect(result?.entities).toEqual([]);
    expect(result?.problems).toEqual([
      expect.objectContaining({
        file: 'bomb.yaml',
        line: 14,
        column: 16,
        code: 'CATALOG_YAML_LIMIT',
        message: 'this document holds more than 1,000,000 values (counting what aliases repeat); split it',
      }),
    ]);
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });

  test('more aliases than allowed', () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `  k${i}: *t`).join('\n');
    const { problems } = parseCatalogFile(`${entity}  t: &t x\n${aliases}\n`, 'x.yaml');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 108,
        column: 9,
        code: 'CATALOG_YAML_LIMIT',
        message: 'this document uses more than 100 aliases (*name); use fewer',
      }),
    ]);
  });

  test('an alias inside the value it repeats', () => {
    const { problems } = parseCatalogFile(`${entity}  loop: &l [a, *l]\n`, 'x.yaml');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 7,
        column: 16,
        code: 'CATALOG_YAML_LIMIT',
        message: expect.stringMatching(/never end/),
      }),
    ]);
  });

  test('deeply nested flow collections, before the YAML composer recurses into them', () => {
    const depth = 20_000;
    const { entities, problems } = parseCatalogFile(
      `${'['.repeat(depth)}${']'.repeat(depth)}\n---\n${entity}`,
      'deep.yaml',
    );
    expect(problems).toEqual([
      {
        file: 'deep.yaml',
        line: 1,
        column: 65,
        code: 'CATALOG_YAML_LIMIT',
        severity: 'error',
        message: 'lists and mappings are nested more than 64 levels deep here; flatten them',
      },
    ]);
    // The documents after the deep one are still read.
    expect(entities.map((e) => e.ref)).toEqual(['group:default/a']);
  });

  test('deeply nested block lists and mappings', () => {
    expect(parseCatalogFile(`${'- '.repeat(50_000)}x\n`, 'x.yaml').problems[0]).toMatchObject({
      line: 1,
      column: 129,
      code: 'CATALOG_YAML_LIMIT',
    });
    const indented = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(parseCatalogFile(`${indented} end\n`, 'x.yaml').problems[0]).toMatchObject({
      line: 65,
      code: 'CATALOG_YAML_LIMIT',
    });
  });

  test('nesting up to the limit is fine', () => {
    const nested = `${entity}spec2: ${'['.repeat(63)}${']'.repeat(63)}\n`;
    expect(parseCatalogFile(nested, 'x.yaml').problems).toEqual([]);
    expect(parseCatalogFile(nested, 'x.yaml', { maxDepth: 10 }).problems[0]?.code).toBe('CATALOG_YAML_LIMIT');
  });

  test('a file larger than the limit is not parsed at all', () => {
    const huge = `${entity}  description: ${'x'.repeat(6 * 1024 * 1024)}\n`;
    expect(parseCatalogFile(huge, 'huge.yaml')).toEqual({
      entities: [],
      problems: [
        {
          file: 'huge.yaml',
          line: 1,
          column: 1,
          code: 'CATALOG_YAML_LIMIT',
          severity: 'error',
          message: 'the file is 6.0 MiB, more than the limit of 5.0 MiB; split it into several files',
        },
      ],
    });
    // The limit counts bytes, not characters.
    expect(parseCatalogFile('é'.repeat(600), 'x.yaml', { maxFileBytes: 1000 }).problems[0]?.code).toBe(
      'CATALOG_YAML_LIMIT',
    );
  });

  test('more documents than allowed: the first ones are read, then reading stops', () => {
    const text = Array.from({ length: 8 }, (_, i) => entity.replace('name: a', `name: g${i}`)).join('---\n');
    const { entities, problems } = parseCatalogFile(text, 'x.yaml', { maxDocuments: 5 });
    expect(entities).toHaveLength(5);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 35,
        column: 1,
        message: 'this file has more than 5 YAML documents; split it into several files',
      }),
    ]);
  });

  // The yaml library's own duplicate-key check compares every pair of keys: hours on a 5 MiB mapping.
  test('a large flat mapping is read whole, its keys checked for duplicates in one pass', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `  k${i}: v`).join('\n');
    const { entities } = parseCatalogFile(`${entity}${keys}\n`, 'flat.yaml');
    expect(Object.keys(entities[0]?.entity.spec ?? {})).toHaveLength(30_001);
  });
});
