import type { CredentialsEndedResult } from '../api/types.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a new password ended, in a sentence: "2 other sessions were signed out and 1 API token was
 * revoked." `others` words it for the person who changed their own password and stays signed in.
 */
export function describeCredentialsEnded(ended: CredentialsEndedResult, others: boolean): string {
  const sessions = count(
    ended.sessionsEnded,
    others ? 'other session' : 'session',
    others ? 'other sessions' : 'sessions',
  );
  const tokens = count(ended.tokensRevoked, 'API token', 'API tokens');
  const sessionVerb = ended.sessionsEnded === 1 ? 'was' : 'were';
  const tokenVerb = ended.tokensRevoked === 1 ? 'was' : 'were';
  return `${sessions} ${sessionVerb} signed out and ${tokens} ${tokenVerb} revoked.`;
}
