import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** sha256 hex of a high-entropy secret (session id, API token). Enough: these are never guessable. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random opaque secret, URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export const TOKEN_PREFIX = 'plinth_';

/** A new personal API token: what the user sees once, its hash and the prefix shown in lists. */
export function newApiToken(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  return { secret, hash: sha256(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

/** The CSRF token of a session: derived, so nothing more is stored, and useless without the key. */
export function csrfTokenFor(sessionId: string, key: string): string {
  return createHmac('sha256', key).update(`csrf:${sessionId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
