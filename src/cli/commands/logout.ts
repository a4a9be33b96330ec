import type { Command } from 'commander';
import type { ApiToken } from '../../auth/schemas.js';
import { ApiClient } from '../api-client.js';
import { createContext } from '../context.js';
import { deleteCredentials, loadCredentials, type StoredCredentials } from '../credentials.js';
import type { CliIo } from '../output.js';
import type { Page } from '../pagination.js';

/** `plinth logout`: revokes the stored token on the server and forgets it. */
export function registerLogout(program: Command, io: CliIo): void {
  program
    .command('logout')
    .description('revoke the stored API token on the server (when reachable) and delete it from this machine')
    .addHelpText(
      'after',
      `
Example:
  $ plinth logout`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const stored = loadCredentials(io.env);
      if (stored === undefined) {
        ctx.out.info('Not signed in: nothing to do.');
        return;
      }
      try {
        await revokeStoredToken(stored, ctx.out.debug);
      } catch (error) {
        ctx.out.info(
          `Could not revoke the token on ${stored.url} (${(error as Error).message}); forgetting it anyway.`,
        );
      }
      deleteCredentials(io.env);
      ctx.out.info(`Signed out of ${stored.url}.`);
    });
}

/**
 * Revokes the stored token, using the token itself. A token pasted with `login --token` has no
 * known id, so it is found by its prefix, and revoked only when exactly one token matches.
 */
export async function revokeStoredToken(
  stored: StoredCredentials,
  debug: (message: string) => void,
): Promise<void> {
  const client = new ApiClient({ baseUrl: stored.url, token: stored.token, debug });
  let id = stored.tokenId;
  if (id === undefined) {
    const own = await client.request<Page<ApiToken>>('GET', '/api/tokens', { query: { limit: 500 } });
    const matches = own.items.filter((token) => stored.token.startsWith(token.prefix));
    if (matches.length !== 1) throw new Error(`${matches.length} of your tokens start like the stored one`);
    id = matches[0]?.id;
  }
  if (id !== undefined) await client.send('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
}
