import type { CredentialsEnded } from '../auth/schemas.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a new password ended, in a sentence for stderr: "2 other sessions signed out, 1 API token
 * revoked." Servers before this answer said nothing (HTTP 204): then nothing is claimed.
 */
export function credentialsEndedText(ended: CredentialsEnded | undefined, others: boolean): string {
  if (!ended) return '';
  const sessions = others
    ? count(ended.sessionsEnded, 'other session', 'other sessions')
    : count(ended.sessionsEnded, 'session', 'sessions');
  return `${sessions} signed out, ${count(ended.tokensRevoked, 'API token', 'API tokens')} revoked.`;
}
