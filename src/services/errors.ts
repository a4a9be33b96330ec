import { defineErrors } from '../core/errors.js';

/** Error codes of the turnkey services: IDs, credentials, the team vault. */
export const servicesErrors = defineErrors({
  IDS_INVALID_ID: { status: 400, message: "'%s' is not a snowflake id of this platform: %s" },
  IDS_CLOCK_MOVED_BACKWARDS: {
    status: 503,
    message: 'The server clock is %d ms behind the last id issued; no id is issued until it catches up',
  },
  IDS_WORKER_UNAVAILABLE: {
    status: 503,
    message: 'This server holds no worker id right now (%s); try again in a few seconds',
  },
  IDS_EPOCH_EXHAUSTED: {
    status: 503,
    message:
      'The snowflake layout has run out of time bits (%s); the operator must change ids.epoch or ids.timeBits',
  },
  VAULT_DISABLED: {
    status: 503,
    message:
      'The team vault is off: the operator has not set its key (services.vault.key, PLINTH_SERVICES_VAULT_KEY)',
  },
  VAULT_SECRET_NOT_FOUND: { status: 404, message: "Team '%s' has no secret named '%s'" },
  VAULT_TEAM_FORBIDDEN: {
    status: 403,
    message: "You are not a member of team '%s', whose secrets these are",
  },
  VAULT_TEAM_NOT_FOUND: { status: 404, message: "No team named '%s'" },
  VAULT_REAUTH_REQUIRED: {
    status: 401,
    message: 'Revealing a secret needs your password again: send it as `password`',
  },
  VAULT_REAUTH_FAILED: { status: 401, message: 'The password is wrong; the secret stays hidden' },
  VAULT_INVALID_EXPIRY: { status: 400, message: "expiresAt: '%s' is not a date" },
  VAULT_SECRET_TOO_LARGE: { status: 400, message: 'value: a secret may hold at most %d bytes' },
  VAULT_SECRET_EXPIRED: {
    status: 410,
    message: "Secret '%s' of team '%s' expired on %s; store a new value to use it again",
  },
  VAULT_SECRET_CORRUPT: {
    status: 500,
    message:
      "Secret '%s' of team '%s' failed its integrity check: the stored ciphertext was altered or belongs elsewhere. Restore it from a backup or store it again",
  },
  VAULT_KEY_UNKNOWN: {
    status: 500,
    message:
      "Secret '%s' is wrapped under vault key %s, which is not configured; add that key to services.vault.retiredKeys",
  },
});
