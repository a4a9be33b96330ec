import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { encodeId } from '../ids/id-codec.js';

export type SecretEncoding = 'hex' | 'base64' | 'base64url';

/** `bytes` random bytes from the OS CSPRNG, written in the chosen encoding. */
export function generateRandomSecret(bytes: number, encoding: SecretEncoding) {
  return { value: randomBytes(bytes).toString(encoding), entropyBits: bytes * 8 };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: rejection keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksumOf(text: string): string {
  return encodeId(BigInt(crc32(text)), 'base62').slice(-CHECKSUM_LENGTH);
}

/**
 * An API key `prefix_<30 random base62><6 checksum>`: the prefix tells a secret scanner what it
 * is, and the CRC32 checksum lets it tell a real key from a random string without asking a server.
 */
export function generateApiKey(prefix: string) {
  const body = randomBase62(BODY_LENGTH);
  const value = `${prefix}_${body}${checksumOf(`${prefix}_${body}`)}`;
  return { value, prefix, entropyBits: BODY_LENGTH * Math.log2(62) };
}

/** Whether a string is a well-formed API key whose checksum matches. */
export function isValidApiKey(value: string): boolean {
  const match = /^([a-z][a-z0-9]{1,15})_([0-9A-Za-z]{36})$/.exec(value);
  if (!match) return false;
  const [, prefix, rest] = match as unknown as [string, string, string];
  const body = rest.slice(0, BODY_LENGTH);
  return checksumOf(`${prefix}_${body}`) === rest.slice(BODY_LENGTH);
}
