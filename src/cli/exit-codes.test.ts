import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';

describe('exitCodeFor', () => {
  it('maps each error class of the API to its exit code', () => {
    expect(exitCodeFor({ code: 'AUTH_REQUIRED', status: 401 })).toBe(3);
    expect(exitCodeFor({ code: 'AUTH_FORBIDDEN', status: 403 })).toBe(4);
    expect(exitCodeFor({ code: 'AUTH_CSRF_INVALID', status: 403 })).toBe(4);
    expect(exitCodeFor({ code: 'AUTH_USER_NOT_FOUND', status: 404 })).toBe(5);
    expect(exitCodeFor({ code: 'AUTH_TEAM_EXISTS', status: 409 })).toBe(6);
    expect(exitCodeFor({ code: 'AUTH_LAST_KEEPER', status: 409 })).toBe(6);
    expect(exitCodeFor({ code: 'VALIDATION_FAILED', status: 400 })).toBe(7);
    expect(exitCodeFor({ code: 'REQUEST_TOO_LARGE', status: 413 })).toBe(7);
    expect(exitCodeFor({ code: 'RATE_LIMITED', status: 429 })).toBe(8);
    expect(exitCodeFor({ code: 'AUTH_ACCOUNT_LOCKED', status: 429 })).toBe(8);
    expect(exitCodeFor({ code: 'INTERNAL', status: 500 })).toBe(9);
  });

  it('maps the CLI’s own codes, which have no HTTP status', () => {
    expect(exitCodeFor({ code: 'CLI_USAGE' })).toBe(2);
    expect(exitCodeFor({ code: 'CLI_NOT_SIGNED_IN' })).toBe(3);
    expect(exitCodeFor({ code: 'CLI_UNREACHABLE' })).toBe(9);
    expect(exitCodeFor({ code: 'CLI_SYNC_FAILED' })).toBe(1);
  });

  it('maps the catalog’s codes', () => {
    expect(exitCodeFor({ code: 'CATALOG_INVALID' })).toBe(1);
    expect(exitCodeFor({ code: 'CATALOG_ENTITY_NOT_FOUND', status: 404 })).toBe(5);
    expect(exitCodeFor({ code: 'CATALOG_LOCATION_FROM_CONFIG', status: 409 })).toBe(6);
    expect(exitCodeFor({ code: 'CATALOG_LOCATION_UNSUPPORTED', status: 400 })).toBe(7);
  });

  it('maps the compute codes', () => {
    expect(exitCodeFor({ code: 'COMPUTE_JOB_NOT_FOUND', status: 404 })).toBe(5);
    expect(exitCodeFor({ code: 'COMPUTE_JOB_FINISHED', status: 409 })).toBe(6);
    expect(exitCodeFor({ code: 'COMPUTE_INVALID_SPEC', status: 400 })).toBe(7);
    expect(exitCodeFor({ code: 'COMPUTE_EXECUTOR_UNKNOWN', status: 400 })).toBe(7);
    expect(exitCodeFor({ code: 'COMPUTE_SECRETS_UNAVAILABLE', status: 400 })).toBe(7);
    expect(exitCodeFor({ code: 'CLI_INVALID_JOB_FILE' })).toBe(7);
    expect(exitCodeFor({ code: 'COMPUTE_QUOTA_EXCEEDED', status: 429 })).toBe(8);
    expect(exitCodeFor({ code: 'COMPUTE_EXECUTOR_UNAVAILABLE', status: 503 })).toBe(9);
    expect(exitCodeFor({ code: 'COMPUTE_TEAM_NOT_YOURS', status: 403 })).toBe(4);
    expect(exitCodeFor({ code: 'CLI_JOB_FAILED' })).toBe(1);
  });

  it('trusts the code over the status', () => {
    // A wrong password on the password-change route is a 400, not a sign-in failure.
    expect(exitCodeFor({ code: 'AUTH_WRONG_PASSWORD', status: 401 })).toBe(7);
  });

  it('falls back to the status for a code it does not know', () => {
    expect(exitCodeFor({ code: 'SOMETHING_MISSING', status: 404 })).toBe(5);
    expect(exitCodeFor({ code: 'SOMETHING_NEW', status: 503 })).toBe(9);
    expect(exitCodeFor({ code: 'SOMETHING_NEW', status: 418 })).toBe(7);
    expect(exitCodeFor({ code: 'SOMETHING_NEW' })).toBe(1);
  });

  it('always answers a code from the table', () => {
    const exits = new Set<number>(EXIT_CODES.map((row) => row.exit));
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        (code, status) => {
          expect(exits.has(exitCodeFor({ code, status }))).toBe(true);
        },
      ),
    );
  });

  it('gives every code and status one row only', () => {
    const codes = EXIT_CODES.flatMap((row) => [...row.codes]);
    const statuses = EXIT_CODES.flatMap((row) => [...row.statuses]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(EXIT_CODES.map((row) => row.exit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
