import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { backoffMs } from './outbox.js';
import { SecretBox } from './secret-box.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook signatures', () => {
  test('a signature verifies for its secret, timestamp and body, and for nothing else', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }),
        (secret, otherSecret, body, otherBody, now) => {
          const signature = signWebhook(secret, now, body);
          const headers = { signature, timestamp: String(now) };
          expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
          expect(verifyWebhook(secret, headers, body, now)).toBe(true);
          if (otherSecret !== secret) expect(verifyWebhook(otherSecret, headers, body, now)).toBe(false);
          if (otherBody !== body) expect(verifyWebhook(secret, headers, otherBody, now)).toBe(false);
          expect(verifyWebhook(secret, { signature, timestamp: String(now + 1) }, body, now)).toBe(false);
          // An old request is refused even with a good signature: it may be a replay.
          expect(verifyWebhook(secret, headers, body, now + 301)).toBe(false);
        },
      ),
    );
  });
});

describe('sealed webhook secrets', () => {
  test('open gives back what was sealed, only for the row it was sealed for and under the same key', () => {
    const box = new SecretBox('k'.repeat(43), 'test');
    const otherKey = new SecretBox('j'.repeat(43), 'test');
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (secret, row, other) => {
          const sealed = box.seal(secret, row);
          expect(box.open(sealed, row)).toBe(secret);
          if (other !== row) expect(box.open(sealed, other)).toBeNull();
          expect(otherKey.open(sealed, row)).toBeNull();
          const raw = Buffer.from(sealed, 'base64');
          raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
          expect(box.open(raw.toString('base64'), row)).toBeNull();
        },
      ),
    );
  });
});

describe('retry backoff', () => {
  test('starts at the base delay, doubles, never shrinks and never passes the ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 1, max: 86_400_000 }),
        (attempts, base, max) => {
          const delay = backoffMs(attempts, base, max);
          expect(backoffMs(1, base, max)).toBe(Math.min(base, max));
          expect(delay).toBeLessThanOrEqual(max);
          expect(backoffMs(attempts + 1, base, max)).toBeGreaterThanOrEqual(delay);
          if (2 * delay <= max) expect(backoffMs(attempts + 1, base, max)).toBe(2 * delay);
        },
      ),
    );
  });
});
