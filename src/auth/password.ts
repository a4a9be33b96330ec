import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { authErrors } from './errors.js';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const KEY_LENGTH = 32;

/** Hashes a password with scrypt (memory-hard); the parameters travel with the hash. */
export async function hashPassword(password: string, log2Cost: number): Promise<string> {
  const N = 2 ** log2Cost;
  const r = 8;
  const p = 1;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });
  return `scrypt$${log2Cost}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !r || !p || !salt || !key) return false;
  const N = 2 ** Number(cost);
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Refuses passwords that are too short or too plain, saying which rule failed. */
export function assertStrongPassword(password: string, minLength: number, username?: string): void {
  if (password.length < minLength) {
    throw authErrors.AUTH_PASSWORD_TOO_WEAK.create([`use at least ${minLength} characters`]);
  }
  if (new Set(password).size < 4) {
    throw authErrors.AUTH_PASSWORD_TOO_WEAK.create(['use more than three different characters']);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw authErrors.AUTH_PASSWORD_TOO_WEAK.create(['do not include your username']);
  }
}

// Look-alike characters (0/O, 1/l/I) are left out: one-time passwords are often read aloud or retyped.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password: 20 characters from a 56-letter alphabet (~116 bits). */
export function generatePassword(length = 20): string {
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 224 && out.length < length) out.push(ALPHABET[byte % ALPHABET.length] as string);
    }
  }
  return out.join('');
}
