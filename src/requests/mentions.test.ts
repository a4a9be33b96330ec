import fc from 'fast-check';
import { expect, test } from 'vitest';
import { mentionedUsernames } from './mentions.js';

test('finds each mentioned username once, in order', () => {
  expect(mentionedUsernames('@ada can you ask @bob.k? cc @ada')).toEqual(['ada', 'bob.k']);
});

test('ignores e-mail addresses, code and paths', () => {
  expect(mentionedUsernames('mail ada@lab.org, run `ssh @host`, see /x/@y\n```\n@code\n```')).toEqual([]);
});

test('never returns something that is not a valid username', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      for (const name of mentionedUsernames(text)) expect(name).toMatch(/^[a-z][a-z0-9._-]{1,38}[a-z0-9]$/);
    }),
  );
});
