import { describeError, isApiError } from '../api/api-error.js';

/** What to tell someone whose sign-in failed. */
export function loginErrorMessage(error: unknown): string {
  if (isApiError(error, 'AUTH_INVALID_CREDENTIALS')) {
    return 'That username and password do not match an active account. Check both and try again.';
  }
  if (isApiError(error, 'AUTH_ACCOUNT_DISABLED'))
    return 'This account is disabled. A Keeper can enable it again.';
  if (isApiError(error, 'RATE_LIMITED')) return 'Too many attempts, wait a minute before you try again.';
  // AUTH_ACCOUNT_LOCKED: the server's message already says how long, in words.
  return describeError(error);
}
