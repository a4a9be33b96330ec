import type { Command } from 'commander';
import type { ApiToken } from '../../auth/schemas.js';
import { createContext } from '../context.js';
import { addPageOptions, integerIn } from '../options.js';
import { type CliIo, table, when } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';

/** `plinth tokens …`: your personal API tokens, for scripts and CI. */
export function registerTokens(program: Command, io: CliIo): void {
  const tokens = program
    .command('tokens')
    .description('list, create and revoke your API tokens (for scripts and CI)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth tokens ls\n  $ plinth tokens create "nightly CI" --expires-in-days 90',
    );
  addPageOptions(tokens.command('ls').alias('list').description('list your tokens (never their secrets)'))
    .addHelpText('after', '\nExample:\n  $ plinth tokens ls --json')
    .action(async (opts: PageOptions, command: Command) => {
      const ctx = createContext(command, io);
      const page = await fetchList<ApiToken>(ctx.client(), '/api/tokens', {}, opts);
      printList(ctx.out, page, { empty: 'No tokens.', human: tokensTable });
    });
  tokens
    .command('create <name>')
    .description('create a token; its secret is printed once, on stdout')
    .option(
      '--expires-in-days <days>',
      'revoke it automatically after this many days (1-3650)',
      integerIn(1, 3650),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth tokens create "laptop scripts"\n  $ plinth tokens create "nightly CI" --expires-in-days 90 > ci-token.txt',
    )
    .action(async (name: string, opts: { expiresInDays?: number }, command: Command) => {
      const ctx = createContext(command, io);
      const body = { name, expiresInDays: opts.expiresInDays };
      const created = await ctx
        .client()
        .request<{ token: ApiToken; secret: string }>('POST', '/api/tokens', { body });
      ctx.out.info(
        `Created token ${created.token.id} (${name}). Its secret, shown once, use it as PLINTH_TOKEN:`,
      );
      ctx.out.result(created, (value) => value.secret);
    });
  tokens
    .command('revoke <id>')
    .description('revoke one of your tokens; it stops working at once')
    .addHelpText('after', '\nExample:\n  $ plinth tokens revoke 01J9Z8Q4M2')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      await ctx.client().send('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
      ctx.out.info(`Revoked token ${id}.`);
    });
}

function tokensTable(tokens: ApiToken[]): string {
  return table(tokens, [
    { heading: 'id', cell: (t) => t.id },
    { heading: 'name', cell: (t) => t.name },
    { heading: 'starts with', cell: (t) => t.prefix },
    { heading: 'created', cell: (t) => when(t.createdAt) },
    { heading: 'last used', cell: (t) => when(t.lastUsedAt) },
    { heading: 'expires', cell: (t) => when(t.expiresAt) },
  ]);
}
