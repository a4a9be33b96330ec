/**
 * The one table from errors to process exit codes. Scripts rely on these numbers, so a row is
 * never renumbered; `docs/reference/cli.md` shows the same table and a test keeps them equal.
 */
export const EXIT_CODES = [
  { exit: 0, name: 'ok', meaning: 'success', codes: [], statuses: [] },
  {
    exit: 1,
    name: 'unexpected',
    meaning:
      'an unexpected error (a bug, or an answer the CLI does not understand); or a check failed: `catalog validate` or `catalog problems --fail-on-problems` found errors, a `catalog sync` failed, a job or sweep waited for (`job submit --wait`, `sweep run --wait`) did not succeed, `template validate` found problems, or a task (`plinth new`) failed',
    codes: [
      'CATALOG_INVALID',
      'CLI_PROBLEMS_FOUND',
      'CLI_SYNC_FAILED',
      'CLI_JOB_FAILED',
      'CLI_TASK_FAILED',
      'CLI_SWEEP_FAILED',
    ],
    statuses: [],
  },
  {
    exit: 2,
    name: 'usage',
    meaning:
      'the command was called wrongly (unknown command or option, missing argument), or a prompt was cancelled',
    codes: ['CLI_USAGE', 'CLI_CANCELLED'],
    statuses: [],
  },
  {
    exit: 3,
    name: 'not-signed-in',
    meaning: 'not signed in, or the token is invalid, expired or revoked',
    codes: ['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'AUTH_INVALID_CREDENTIALS', 'CLI_NOT_SIGNED_IN'],
    statuses: [401],
  },
  {
    exit: 4,
    name: 'forbidden',
    meaning:
      'signed in, but not allowed to do this (or the account is disabled, or its one-time password must be changed first, or a job names a team that is not yours)',
    codes: [
      'AUTH_FORBIDDEN',
      'AUTH_CSRF_INVALID',
      'AUTH_PASSWORD_CHANGE_REQUIRED',
      'AUTH_ACCOUNT_DISABLED',
      'COMPUTE_TEAM_NOT_YOURS',
    ],
    statuses: [403],
  },
  {
    exit: 5,
    name: 'not-found',
    meaning:
      'the user, team, token, catalog entity, location, job, sweep or route does not exist (or is not yours to see)',
    codes: [
      'ROUTE_NOT_FOUND',
      'AUTH_USER_NOT_FOUND',
      'AUTH_TEAM_NOT_FOUND',
      'AUTH_TOKEN_NOT_FOUND',
      'CATALOG_ENTITY_NOT_FOUND',
      'CATALOG_LOCATION_NOT_FOUND',
      'COMPUTE_JOB_NOT_FOUND',
      'COMPUTE_SWEEP_NOT_FOUND',
    ],
    statuses: [404],
  },
  {
    exit: 6,
    name: 'conflict',
    meaning:
      'it already exists, or the change would break a rule (such as removing the last Keeper, a location that comes from the configuration file, or cancelling a job or stopping a sweep that has ended)',
    codes: [
      'AUTH_USER_EXISTS',
      'AUTH_TEAM_EXISTS',
      'AUTH_LAST_KEEPER',
      'CATALOG_LOCATION_EXISTS',
      'CATALOG_LOCATION_FROM_CONFIG',
      'COMPUTE_JOB_FINISHED',
      'COMPUTE_SWEEP_ENDED',
    ],
    statuses: [409],
  },
  {
    exit: 7,
    name: 'invalid-input',
    meaning:
      'the input was refused (invalid value, wrong or weak password, too large, a location target the server cannot read, an invalid job or sweep file or spec, an executor not offered)',
    codes: [
      'VALIDATION_FAILED',
      'REQUEST_MALFORMED',
      'REQUEST_TOO_LARGE',
      'REQUEST_UNSUPPORTED_MEDIA_TYPE',
      'AUTH_WRONG_PASSWORD',
      'AUTH_PASSWORD_TOO_WEAK',
      'CATALOG_LOCATION_UNSUPPORTED',
      'CLI_INVALID_JOB_FILE',
      'CLI_INVALID_SWEEP_FILE',
      'CLI_INVALID_PROPOSAL_FILE',
      'COMPUTE_INVALID_SPEC',
      'COMPUTE_EXECUTOR_UNKNOWN',
      'COMPUTE_SECRETS_UNAVAILABLE',
    ],
    statuses: [400, 413, 415, 422],
  },
  {
    exit: 8,
    name: 'rate-limited',
    meaning:
      'too many attempts (or failed sign-ins locked the account for a while), or a team has as many active jobs as it may; wait and try again',
    codes: ['RATE_LIMITED', 'AUTH_ACCOUNT_LOCKED', 'COMPUTE_QUOTA_EXCEEDED'],
    statuses: [429],
  },
  {
    exit: 9,
    name: 'unavailable',
    meaning: 'the server cannot be reached, or failed (HTTP 5xx), or an executor does not answer',
    codes: ['CLI_UNREACHABLE', 'INTERNAL', 'COMPUTE_EXECUTOR_UNAVAILABLE'],
    statuses: [500, 502, 503, 504],
  },
] as const satisfies readonly {
  exit: number;
  name: string;
  meaning: string;
  codes: readonly string[];
  statuses: readonly number[];
}[];

/** A process exit code from {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[number]['exit'];

/** Named exit codes, for code that sets one directly. */
export const EXIT = { ok: 0, unexpected: 1, usage: 2, notSignedIn: 3, unavailable: 9 } as const;

const byCode = new Map<string, ExitCode>(
  EXIT_CODES.flatMap((row) => row.codes.map((code) => [code, row.exit])),
);
const byStatus = new Map<number, ExitCode>(
  EXIT_CODES.flatMap((row) => row.statuses.map((status) => [status, row.exit])),
);

/**
 * The exit code for an error: by its code first, then by its HTTP status, so that a code this
 * CLI version does not know yet still lands in the right class.
 * @example exitCodeFor({ code: 'AUTH_TEAM_EXISTS', status: 409 }) // 6
 */
export function exitCodeFor(error: { code?: string | undefined; status?: number | undefined }): ExitCode {
  const fromCode = error.code === undefined ? undefined : byCode.get(error.code);
  if (fromCode !== undefined) return fromCode;
  if (error.status === undefined) return EXIT.unexpected;
  const fromStatus = byStatus.get(error.status);
  if (fromStatus !== undefined) return fromStatus;
  if (error.status >= 500) return EXIT.unavailable;
  if (error.status >= 400) return 7;
  return EXIT.unexpected;
}
