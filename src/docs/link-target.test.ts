import fc from 'fast-check';
import { expect, test } from 'vitest';
import { resolveLinkTarget, slugOf } from './link-target.js';

const segment = fc.constantFrom('..', '.', 'a', 'b', '%2e%2e', '..%2f', '%2F', '\\', '', 'x.md', '..\\');

test('whatever is written, a resolved file path stays inside the docs folder', () => {
  fc.assert(
    fc.property(
      fc.array(segment, { maxLength: 8 }),
      fc.constantFrom('page.md', 'guides/page.md', 'a/b/c.md'),
      (parts, file) => {
        const target = resolveLinkTarget(file, parts.join('/'));
        if (target.kind === 'file') {
          expect(target.path.startsWith('..')).toBe(false);
          expect(target.path.startsWith('/')).toBe(false);
          expect(target.path.split('/')).not.toContain('..');
        }
      },
    ),
  );
});

test('any string is classified without throwing, and only http(s) and mailto are external', () => {
  fc.assert(
    fc.property(fc.string(), (href) => {
      const target = resolveLinkTarget('page.md', href);
      if (target.kind === 'external') expect(target.href).toMatch(/^(https?:|mailto:)/i);
    }),
  );
});

test('schemes that run code are unsafe, however they are written', () => {
  for (const href of [
    'javascript:alert(1)',
    'JavaScript:x',
    ' javascript:x',
    'java\tscript:x',
    'data:text/html,x',
    'vbscript:x',
    '//evil.example/x',
  ]) {
    expect(resolveLinkTarget('page.md', href).kind).toBe('unsafe');
  }
});

test('index and README pages name their folder', () => {
  expect(slugOf('index.md')).toBe('');
  expect(slugOf('guides/README.md')).toBe('guides');
  expect(slugOf('guides/first-day.md')).toBe('guides/first-day');
});
