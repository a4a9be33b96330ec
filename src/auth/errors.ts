import { defineErrors } from '../core/errors.js';

export const authErrors = defineErrors({
  AUTH_REQUIRED: { status: 401, message: 'Sign in first: this needs a session or an API token' },
  AUTH_TOKEN_INVALID: { status: 401, message: 'The API token is unknown, revoked or expired' },
  AUTH_FORBIDDEN: { status: 403, message: 'Your role does not allow this (%s)' },
  AUTH_CSRF_INVALID: {
    status: 403,
    message: 'Missing or wrong x-csrf-token header; reload the page and try again',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Change your one-time password first (POST /api/me/password or the Profile page)',
  },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled; ask a Keeper' },
  AUTH_ACCOUNT_LOCKED: {
    status: 429,
    message: 'Too many failed sign-ins for this account; try again in %s, or ask a Keeper to clear the lock',
  },
  AUTH_WRONG_PASSWORD: { status: 400, message: 'currentPassword: that is not your current password' },
  AUTH_PASSWORD_TOO_WEAK: { status: 400, message: 'newPassword: %s' },
  AUTH_USER_NOT_FOUND: { status: 404, message: "No user named '%s'" },
  AUTH_USER_EXISTS: { status: 409, message: "username: a user named '%s' already exists" },
  AUTH_TEAM_NOT_FOUND: { status: 404, message: "No team named '%s'" },
  AUTH_TEAM_EXISTS: { status: 409, message: "name: a team named '%s' already exists" },
  AUTH_TOKEN_NOT_FOUND: { status: 404, message: "You have no API token with id '%s'" },
  AUTH_LAST_KEEPER: {
    status: 409,
    message: "'%s' is the last active Keeper; make someone else a Keeper first",
  },
});
