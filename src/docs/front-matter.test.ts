import fc from 'fast-check';
import { expect, test } from 'vitest';
import { splitFrontMatter } from './front-matter.js';

test('reads the documented fields and counts the lines it took', () => {
  const page = splitFrontMatter(
    '---\ntitle: Guide\ntags: [a, b]\nverified: 2026-11-20\norder: 2\nunknown: kept out\n---\n# Body\n',
    'g.md',
  );
  expect(page.data).toEqual({ title: 'Guide', tags: ['a', 'b'], verified: '2026-11-20', order: 2 });
  expect(page.lineOffset).toBe(7);
  expect(page.body).toBe('# Body\n');
  expect(page.problems).toEqual([]);
});

test('a field of the wrong type is a problem at its line; the other fields stay', () => {
  const page = splitFrontMatter('---\ntitle: Ok\ntags: not-a-list\n---\ntext', 'p.md');
  expect(page.data).toEqual({ title: 'Ok' });
  expect(page.problems).toMatchObject([{ code: 'DOCS_FRONT_MATTER', file: 'p.md', line: 3 }]);
});

test('invalid YAML is a problem and the page keeps its body', () => {
  const page = splitFrontMatter('---\ntitle: [unclosed\n---\nbody', 'p.md');
  expect(page.data).toEqual({});
  expect(page.body).toBe('body');
  expect(page.problems[0]?.code).toBe('DOCS_FRONT_MATTER');
});

test('a page without front matter is all body', () => {
  expect(splitFrontMatter('# Title\n---\nnot front matter', 'p.md')).toMatchObject({
    data: {},
    lineOffset: 0,
  });
});

test('any text splits without throwing, and body lines plus the offset are the file lines', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (yaml, body) => {
      const text = `---\n${yaml.replace(/---/g, '')}\n---\n${body}`;
      const page = splitFrontMatter(text, 'p.md');
      expect(text.endsWith(page.body)).toBe(true);
      const consumed = text.slice(0, text.length - page.body.length);
      expect(page.lineOffset).toBe(consumed.split('\n').length - 1);
    }),
  );
});
