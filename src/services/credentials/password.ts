import { randomInt } from 'node:crypto';
import { wordlist } from '@scure/bip39/wordlists/english.js';

/** Character classes a password may draw from. */
export const CHARACTER_CLASSES = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
} as const;
export type CharacterClass = keyof typeof CHARACTER_CLASSES;

// Characters people misread or mistype when a password is read aloud or copied by hand.
export const LOOKALIKES = '0Oo1lI|';

export interface CharacterPasswordOptions {
  length: number;
  classes: CharacterClass[];
  excludeLookalikes: boolean;
  /** Every chosen class appears at least once (as most password rules demand). */
  requireEachClass: boolean;
}

export interface PassphraseOptions {
  words: number;
  separator: string;
  capitalize: boolean;
}

export interface GeneratedPassword {
  value: string;
  entropyBits: number;
}

/** The characters of each chosen class, look-alikes removed if asked. */
export function classAlphabets(options: Pick<CharacterPasswordOptions, 'classes' | 'excludeLookalikes'>) {
  return [...new Set(options.classes)].map((name) =>
    [...CHARACTER_CLASSES[name]]
      .filter((c) => !(options.excludeLookalikes && LOOKALIKES.includes(c)))
      .join(''),
  );
}

/**
 * Exact entropy of a password drawn uniformly from all strings of `length` over the union of
 * `alphabets` (each one used at least once when `requireEach`): log2 of how many there are,
 * counted by inclusion-exclusion over the classes left out.
 */
export function passwordEntropy(alphabets: string[], length: number, requireEach: boolean): number {
  const sizes = alphabets.map((a) => a.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (!requireEach) return length * Math.log2(total);
  let count = 0n;
  for (let mask = 0; mask < 1 << sizes.length; mask++) {
    let missing = 0;
    let bits = 0;
    sizes.forEach((size, i) => {
      if (mask & (1 << i)) {
        missing += size;
        bits++;
      }
    });
    const term = BigInt(total - missing) ** BigInt(length);
    count += bits % 2 === 0 ? term : -term;
  }
  return log2BigInt(count);
}

function log2BigInt(value: bigint): number {
  const text = value.toString(16);
  const head = Number.parseInt(text.slice(0, 13), 16);
  return Math.log2(head) + (text.length - Math.min(13, text.length)) * 4;
}

/**
 * A password of random characters from the OS CSPRNG. With `requireEachClass`, a draw missing
 * a class is thrown away whole, so every valid password stays equally likely (and the entropy exact).
 */
export function generateCharacterPassword(options: CharacterPasswordOptions): GeneratedPassword {
  const alphabets = classAlphabets(options);
  const all = alphabets.join('');
  for (;;) {
    let value = '';
    for (let i = 0; i < options.length; i++) value += all[randomInt(all.length)];
    if (!options.requireEachClass || alphabets.every((a) => [...a].some((c) => value.includes(c)))) {
      return { value, entropyBits: passwordEntropy(alphabets, options.length, options.requireEachClass) };
    }
  }
}

/** The word list of passphrases: BIP39 English, 2,048 common words, unique in their first four letters. */
export const PASSPHRASE_WORDS: readonly string[] = wordlist;

/** A passphrase of words drawn uniformly from {@link PASSPHRASE_WORDS}: 11 bits per word. */
export function generatePassphrase(options: PassphraseOptions): GeneratedPassword {
  const words = Array.from({ length: options.words }, () => {
    const word = PASSPHRASE_WORDS[randomInt(PASSPHRASE_WORDS.length)] as string;
    return options.capitalize ? word[0]?.toUpperCase() + word.slice(1) : word;
  });
  return {
    value: words.join(options.separator),
    entropyBits: options.words * Math.log2(PASSPHRASE_WORDS.length),
  };
}
