import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../docs/front-matter.js';
import { parseYamlBounded, YamlLimitError } from './yaml-limits.js';

const flow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const block = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n');

function refusal(text: string): YamlLimitError {
  try {
    parseYamlBounded(text);
  } catch (error) {
    if (error instanceof YamlLimitError) return error;
    throw error;
  }
  throw new Error('the text was accepted');
}

describe('parseYamlBounded', () => {
  test('refuses flow nesting of 10,000 levels and block nesting of 2,000 with the line, before the parser recurses', () => {
    // Unbounded, the first of these takes the whole process down (V8 fails hard, not with an error).
    expect(refusal(`key: ${flow(10_000)}`)).toMatchObject({
      message: 'lists and mappings nest deeper than 64 levels',
      linePos: [{ line: 1, col: expect.any(Number) }],
    });
    expect(refusal(`title: x\nnested:\n${block(2_000)}`).linePos[0]?.line).toBe(67);
  });

  test('refuses an alias inside its own anchor instead of returning a value that never ends', () => {
    expect(refusal('a: &loop\n  b: *loop\n').message).toBe(
      'a.b: refers to itself (a YAML alias inside its own anchor)',
    );
    expect(refusal('list: &l [1, *l]\n').message).toMatch(/^list\.1: refers to itself/);
  });

  test('refuses a billion laughs', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => parseYamlBounded(lines.join('\n'))).toThrow();
  });

  test('property: any document within the limits reads as the yaml library reads it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 20 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseYamlBounded(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test('a page whose front matter nests 10,000 deep becomes a problem at its line; the page stays', () => {
    const page = `---\ntitle: Deep\ntags: ${flow(10_000)}\n---\n# Body\n`;
    const split = splitFrontMatter(page, 'docs/deep.md');
    expect(split.body).toBe('# Body\n');
    expect(split.problems).toEqual([
      expect.objectContaining({ code: 'DOCS_FRONT_MATTER', file: 'docs/deep.md', line: 3 }),
    ]);
  });
});
