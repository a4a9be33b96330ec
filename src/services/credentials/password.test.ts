import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CHARACTER_CLASSES,
  type CharacterClass,
  classAlphabets,
  generateCharacterPassword,
  generatePassphrase,
  LOOKALIKES,
  PASSPHRASE_WORDS,
  passwordEntropy,
} from './password.js';
import { generateApiKey, isValidApiKey } from './random-secret.js';

const classNames = Object.keys(CHARACTER_CLASSES) as CharacterClass[];

/** Counts, by enumeration, the strings of `length` over the union that use every alphabet. */
function bruteForceCount(alphabets: string[], length: number, requireEach: boolean): number {
  const all = alphabets.join('');
  let count = 0;
  const walk = (prefix: string) => {
    if (prefix.length === length) {
      if (!requireEach || alphabets.every((a) => [...a].some((c) => prefix.includes(c)))) count++;
      return;
    }
    for (const c of all) walk(prefix + c);
  };
  walk('');
  return count;
}

describe('password entropy', () => {
  test('equals log2 of the number of passwords that meet the policy (checked by enumeration)', () => {
    const letters = 'abcdefghij';
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (sizes, length, requireEach) => {
          let offset = 0;
          const alphabets = sizes.map((size) => {
            offset += size;
            return letters.slice(offset - size, offset);
          });
          const count = bruteForceCount(alphabets, length, requireEach);
          const bits = passwordEntropy(alphabets, length, requireEach);
          if (count === 0) return;
          expect(bits).toBeCloseTo(Math.log2(count), 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the default policy claims about 125 bits for 20 characters', () => {
    const bits = generateCharacterPassword({
      length: 20,
      classes: classNames,
      excludeLookalikes: true,
      requireEachClass: true,
    }).entropyBits;
    expect(bits).toBeGreaterThan(124);
    expect(bits).toBeLessThan(20 * Math.log2(88));
  });
});

describe('generated passwords', () => {
  test('meet the policy: length, only chosen classes, each class present, no look-alikes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 64 }),
        fc.uniqueArray(fc.constantFrom(...classNames), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (length, classes, excludeLookalikes, requireEachClass) => {
          const { value } = generateCharacterPassword({
            length,
            classes,
            excludeLookalikes,
            requireEachClass,
          });
          expect([...value]).toHaveLength(length);
          const alphabets = classAlphabets({ classes, excludeLookalikes });
          const allowed = alphabets.join('');
          for (const c of value) expect(allowed).toContain(c);
          if (excludeLookalikes) for (const c of LOOKALIKES) expect(value).not.toContain(c);
          if (requireEachClass) {
            for (const alphabet of alphabets) expect([...alphabet].some((c) => value.includes(c))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('draw every character about equally often (chi-square), as the entropy claim assumes', () => {
    const options = {
      length: 20,
      classes: ['digits'] as CharacterClass[],
      excludeLookalikes: false,
      requireEachClass: false,
    };
    const counts = new Map<string, number>();
    const samples = 2000;
    for (let i = 0; i < samples; i++) {
      for (const c of generateCharacterPassword(options).value) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const expected = (samples * 20) / 10;
    const chi = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(10);
    // 9 degrees of freedom: p = 0.001 at 27.88. A biased generator fails; a fair one almost never does.
    expect(chi).toBeLessThan(27.88);
  });

  test('do not repeat across many draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      seen.add(
        generateCharacterPassword({
          length: 12,
          classes: ['lower'],
          excludeLookalikes: true,
          requireEachClass: true,
        }).value,
      );
    }
    expect(seen.size).toBe(5000);
  });
});

describe('passphrases', () => {
  test('draw words from the 2,048-word list at 11 bits each', () => {
    expect(PASSPHRASE_WORDS).toHaveLength(2048);
    const words = new Set(PASSPHRASE_WORDS);
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 24 }),
        fc.constantFrom('-', ' ', '.', ''),
        fc.boolean(),
        (n, separator, capitalize) => {
          const phrase = generatePassphrase({ words: n, separator: separator || '_', capitalize });
          const parts = phrase.value.split(separator || '_');
          expect(parts).toHaveLength(n);
          for (const part of parts) expect(words.has(part.toLowerCase())).toBe(true);
          expect(phrase.entropyBits).toBe(11 * n);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('API keys', () => {
  test('carry a checksum that catches any single changed character', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{1,15}$/),
        fc.nat(),
        fc.nat(),
        (prefix, position, shift) => {
          const key = generateApiKey(prefix).value;
          expect(isValidApiKey(key)).toBe(true);
          const at = prefix.length + 1 + (position % 36);
          const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
          const original = key[at] as string;
          const replaced = alphabet[(alphabet.indexOf(original) + 1 + (shift % 61)) % 62] as string;
          expect(isValidApiKey(key.slice(0, at) + replaced + key.slice(at + 1))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
