import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { joinWords, splitWords } from './split-words.js';

describe('splitWords', () => {
  test('splits on spaces and groups quoted words as a shell does', () => {
    expect(splitWords(`sh -c 'for i in 1 2 3; do echo step $i; done'`)).toEqual({
      ok: true,
      words: ['sh', '-c', 'for i in 1 2 3; do echo step $i; done'],
    });
    expect(splitWords(`echo "say \\"hi\\"" a\\ b ''`)).toEqual({
      ok: true,
      words: ['echo', 'say "hi"', 'a b', ''],
    });
    expect(splitWords('   ')).toEqual({ ok: true, words: [] });
  });

  test('says what is wrong with an unfinished line', () => {
    expect(splitWords(`echo 'oops`)).toEqual({ ok: false, error: 'A single quote is not closed' });
    expect(splitWords(`echo "oops`)).toEqual({ ok: false, error: 'A double quote is not closed' });
    expect(splitWords('echo \\')).toEqual({ ok: false, error: 'The line ends with a lone backslash' });
  });

  test('gives back exactly the words that joinWords wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (words) => {
        expect(splitWords(joinWords(words))).toEqual({ ok: true, words });
      }),
    );
  });
});
