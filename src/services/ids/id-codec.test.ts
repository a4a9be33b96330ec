import fc from 'fast-check';
import { expect, test } from 'vitest';
import { encodeId, type IdFormat, parseId } from './id-codec.js';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const formats: IdFormat[] = ['decimal', 'base32', 'base62'];

test('parse(encode(id)) gives the id back in every form', () => {
  fc.assert(
    fc.property(u64, fc.constantFrom(...formats), (id, format) => {
      expect(parseId(encodeId(id, format), format)).toEqual({ value: id, format });
      const guessed = parseId(encodeId(id, format));
      // Without the format, only a padded id made of digits alone reads differently (as decimal).
      if (format === 'decimal' || /\D/.test(encodeId(id, format))) expect(guessed?.value).toBe(id);
    }),
  );
});

test('padded base32 and base62 sort as text in the order of the numbers', () => {
  fc.assert(
    fc.property(u64, u64, fc.constantFrom<IdFormat>('base32', 'base62'), (a, b, format) => {
      const [x, y] = [encodeId(a, format), encodeId(b, format)];
      expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(a < b ? -1 : a > b ? 1 : 0);
    }),
  );
});

test('base32 reads lower case and the Crockford look-alikes (O as 0, I and L as 1)', () => {
  const text = encodeId(123_456_789_012_345n, 'base32');
  expect(parseId(text.toLowerCase())?.value).toBe(123_456_789_012_345n);
  expect(parseId('0000000000001'.replaceAll('0', 'O').replace(/1$/, 'L'))?.value).toBe(1n);
});

test('anything else is refused, including values past 64 bits', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 30 }), (text) => {
      const parsed = parseId(text);
      if (parsed) expect(parsed.value < 1n << 64n).toBe(true);
    }),
  );
  expect(parseId('18446744073709551616')).toBeNull();
  expect(parseId('zzzzzzzzzzz')).toBeNull();
  expect(parseId('12-34')).toBeNull();
  expect(parseId('')).toBeNull();
});
