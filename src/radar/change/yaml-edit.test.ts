import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateRevision } from '../../catalog/index.js';
import { appendTechnology, moveTechnology } from './yaml-edit.js';

const demo = readFileSync(
  new URL('../../../examples/platform/catalog/technologies.yaml', import.meta.url),
  'utf8',
);
const entry = { date: '2026-11-28', ring: 'adopt', reason: 'Proposal #3 accepted: every team runs it' };

function technology(text: string, name: string) {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> })
    .find((d) => d.kind === 'Technology' && d.metadata.name === name);
}

describe('editing technology files', () => {
  test('a move changes the ring line and adds the entry lines, nothing else', () => {
    const moved = moveTechnology(demo, 'python-3.13', 'adopt', entry);
    const before = demo.split('\n');
    const after = moved.split('\n');
    expect(after.length).toBe(before.length + 3);
    const patched = after.slice();
    patched.splice(patched.indexOf("    - date: '2026-11-28'"), 3);
    const changed = before.map((line, i) => [line, patched[i]]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([['  ring: trial', '  ring: adopt']]);
    expect(after).toContain("    - date: '2026-11-28'");
    expect(after).toContain('      reason: "Proposal #3 accepted: every team runs it"');
    const spec = technology(moved, 'python-3.13')?.spec;
    expect(spec?.ring).toBe('adopt');
    expect((spec?.history as unknown[] | undefined)?.at(-1)).toEqual(entry);
    // Every other technology is untouched.
    expect(technology(moved, 'python-3.12')).toEqual(technology(demo, 'python-3.12'));
    const { problems } = validateRevision([{ path: 'technologies.yaml', text: moved }]);
    expect(problems.filter((p) => p.severity === 'error' && p.code !== 'CATALOG_DANGLING_REF')).toEqual([]);
  });

  test('a technology without history gets one, indented like its spec', () => {
    const text =
      '# kept\napiVersion: plinth.dev/v1alpha1\nkind: Technology\nmetadata:\n  name: duckdb\nspec:\n  quadrant: tools\n  ring: assess   # first look\n';
    const moved = moveTechnology(text, 'duckdb', 'trial', { ...entry, ring: 'trial' });
    expect(moved).toBe(
      [
        '# kept',
        'apiVersion: plinth.dev/v1alpha1',
        'kind: Technology',
        'metadata:',
        '  name: duckdb',
        'spec:',
        '  quadrant: tools',
        '  ring: trial   # first look',
        '  history:',
        "    - date: '2026-11-28'",
        '      ring: trial',
        '      reason: "Proposal #3 accepted: every team runs it"',
        '',
      ].join('\n'),
    );
  });

  test('a flow-style spec is rendered again, still with the move', () => {
    const text =
      'apiVersion: plinth.dev/v1alpha1\nkind: Technology\nmetadata: { name: uv }\nspec: { quadrant: tools, ring: trial }\n';
    const spec = technology(moveTechnology(text, 'uv', 'adopt', entry), 'uv')?.spec;
    expect(spec).toEqual({ quadrant: 'tools', ring: 'adopt', history: [entry] });
  });

  test('naming a technology the file does not define is an error', () => {
    expect(() => moveTechnology(demo, 'cobol', 'hold', entry)).toThrow(/no Technology named 'cobol'/);
  });

  test('a new technology is appended as its own document, and the file still validates', () => {
    const added = appendTechnology(demo, {
      name: 'duckdb',
      title: 'DuckDB',
      description: 'In-process analytical SQL over Parquet and Arrow.',
      quadrant: 'tools',
      ring: 'trial',
      owner: 'keepers',
      homepage: 'https://duckdb.org',
      history: [{ ...entry, ring: 'trial' }],
    });
    expect(added.startsWith(demo)).toBe(true);
    expect(technology(added, 'duckdb')?.spec).toMatchObject({ ring: 'trial', quadrant: 'tools' });
    const { problems } = validateRevision([{ path: 'technologies.yaml', text: added }]);
    expect(problems.filter((p) => p.severity === 'error' && p.code !== 'CATALOG_DANGLING_REF')).toEqual([]);
  });
});
