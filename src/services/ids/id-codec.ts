/** Text forms of a 64-bit snowflake. Alphabets are in ASCII order and padded, so text sorts like the number. */
export type IdFormat = 'decimal' | 'base32' | 'base62';

// Crockford's base32 (no I, L, O, U): readable aloud, case-insensitive on input.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const WIDTH = { base32: 13, base62: 11 } as const;
const MAX = (1n << 64n) - 1n;

function encodeIn(alphabet: string, width: number, value: bigint): string {
  const base = BigInt(alphabet.length);
  let out = '';
  let rest = value;
  do {
    out = alphabet[Number(rest % base)] + out;
    rest /= base;
  } while (rest > 0n);
  return out.padStart(width, alphabet[0]);
}

function decodeIn(alphabet: string, text: string): bigint | null {
  const base = BigInt(alphabet.length);
  let value = 0n;
  for (const char of text) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) return null;
    value = value * base + BigInt(digit);
  }
  return value;
}

/** Writes a non-negative 64-bit id in the given form. */
export function encodeId(value: bigint, format: IdFormat): string {
  if (format === 'decimal') return value.toString();
  return encodeIn(format === 'base32' ? BASE32 : BASE62, WIDTH[format], value);
}

/**
 * Reads an id. With `format`, only that form; without, digits only are decimal (a padded base32
 * or base62 id made only of digits needs the format named), 13 characters base32, 11 base62.
 * Returns null for anything else or a value beyond 64 bits.
 */
export function parseId(text: string, format?: IdFormat): { value: bigint; format: IdFormat } | null {
  const chosen = format ?? guessFormat(text);
  let value: bigint | null = null;
  if (chosen === 'decimal') value = /^\d{1,20}$/.test(text) ? BigInt(text) : null;
  else if (chosen === 'base32' && text.length === WIDTH.base32)
    value = decodeIn(BASE32, normalizeBase32(text));
  else if (chosen === 'base62' && text.length === WIDTH.base62) value = decodeIn(BASE62, text);
  if (value === null || value > MAX) return null;
  return { value, format: chosen ?? 'decimal' };
}

function guessFormat(text: string): IdFormat | undefined {
  if (/^\d+$/.test(text)) return 'decimal';
  if (text.length === WIDTH.base32) return 'base32';
  if (text.length === WIDTH.base62) return 'base62';
  return undefined;
}

/** Crockford: lower case reads as upper, O as 0, I and L as 1. */
function normalizeBase32(text: string): string {
  return text.toUpperCase().replaceAll('O', '0').replaceAll('I', '1').replaceAll('L', '1');
}
