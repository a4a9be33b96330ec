import type { Command } from 'commander';
import type { Me } from '../../auth/schemas.js';
import { createContext } from '../context.js';
import { type CliIo, fields } from '../output.js';
import { userPairs } from '../views.js';

/** `plinth whoami`: who the stored token belongs to, on which server. */
export function registerWhoami(program: Command, io: CliIo): void {
  program
    .command('whoami')
    .description('show who you are signed in as, and where')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth whoami
  $ plinth whoami --json | jq -r .user.role`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const me = await client.request<Me>('GET', '/api/me');
      ctx.out.result(me, (value) => fields([...userPairs(value.user), ['server', client.baseUrl]]));
    });
}
