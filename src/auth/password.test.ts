import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PlinthError } from '../core/errors.js';
import { assertStrongPassword, generatePassword, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  test('a hash verifies its password and no other', async () => {
    const hash = await hashPassword('correct horse battery', 10);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  test('the same password hashes differently each time (salted)', async () => {
    expect(await hashPassword('same-same-same', 10)).not.toBe(await hashPassword('same-same-same', 10));
  });

  test('property: a malformed stored hash never verifies and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (stored) => {
        expect(await verifyPassword('anything', stored.startsWith('scrypt$') ? 'x' : stored)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test('generated passwords have the length, alphabet and variety asked for', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  test('weak passwords are refused with the rule they break', () => {
    const reason = (password: string, username?: string) => {
      try {
        assertStrongPassword(password, 10, username);
        return 'accepted';
      } catch (error) {
        return (error as PlinthError).message;
      }
    };
    expect(reason('short')).toContain('at least 10 characters');
    expect(reason('aaaaaaaaaaaa')).toContain('more than three different characters');
    expect(reason('my-name-is-ann-ok', 'ann')).toContain('username');
    expect(reason('A-perfectly-fine-one')).toBe('accepted');
  });
});
