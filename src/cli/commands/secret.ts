import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { SecretMeta } from '../../services/vault/schemas.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { type CliIo, table, when } from '../output.js';
import { askPassword, confirmDeletion, readSecretFromStdin } from '../prompts.js';

/** Splits `team/NAME` as secrets are named on the command line. */
export function parseSecretPath(text: string): { team: string; name: string } {
  const match = /^([a-z][a-z0-9-]{0,62})\/([A-Za-z0-9][A-Za-z0-9._-]{0,127})$/.exec(text);
  if (!match) throw CliError.usage(`'${text}' is not TEAM/NAME (e.g. lab/DATABASE_PASSWORD).`);
  return { team: match[1] as string, name: match[2] as string };
}

const secretUrl = (path: string) => {
  const { team, name } = parseSecretPath(path);
  return `/api/secrets/${team}/${name}`;
};

/** `plinth secret …`: the team vault. */
export function registerSecret(program: Command, io: CliIo): void {
  const secret = program
    .command('secret')
    .alias('secrets')
    .description('your team’s vault: store, read, list and remove shared secrets')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth secret ls --expiring\n  $ echo -n "$PGPASSWORD" | plinth secret put lab/DATABASE_PASSWORD --expires 2027-03-31\n  $ plinth secret get lab/DATABASE_PASSWORD',
    );

  secret
    .command('put <team/name>')
    .description(
      'store a secret (piped on stdin, read from a file, or typed); a new value makes a new version',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ plinth secret put lab/API_TOKEN --from-file token.txt --expires 2027-01-31',
    )
    .option('-f, --from-file <file>', 'read the value from a file (e.g. a key)')
    .option('-d, --description <text>', 'what it is for')
    .option('-e, --expires <date>', 'expiry date (YYYY-MM-DD); the team is reminded before')
    .action(
      async (
        path: string,
        opts: { fromFile?: string; description?: string; expires?: string },
        command: Command,
      ) => {
        const ctx = createContext(command, io);
        const value = opts.fromFile
          ? readFileSync(opts.fromFile, 'utf8')
          : ctx.interactive
            ? await askPassword(`Value of ${path}`)
            : await readSecretFromStdin(io, 'secret value');
        const body = { value, description: opts.description, expiresAt: opts.expires };
        const stored = await ctx.client().request<SecretMeta>('PUT', secretUrl(path), { body });
        ctx.out.info(`Stored ${stored.team}/${stored.name} (version ${stored.version}).`);
        ctx.out.jsonOnly(stored);
      },
    );

  secret
    .command('get <team/name>')
    .description('print a secret’s value on stdout (the read is audited)')
    .addHelpText('after', '\nExample:\n  $ plinth secret get lab/API_TOKEN > token.txt')
    .action(async (path: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const revealed = await ctx
        .client()
        .request<SecretMeta & { value: string }>('POST', `${secretUrl(path)}/reveal`, { body: {} });
      if (revealed.expiryState === 'soon') ctx.out.info(`Note: ${path} expires on ${revealed.expiresAt}.`);
      ctx.out.result(revealed, (r) => r.value);
    });

  secret
    .command('ls')
    .alias('list')
    .description('secrets of your teams, without values')
    .addHelpText('after', '\nExample:\n  $ plinth secret ls --expiring')
    .option('--team <team>', 'only this team')
    .option('--expiring', 'only those that expire soon or have expired')
    .action(async (opts: { team?: string; expiring?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      const list = await ctx.client().request<{ items: SecretMeta[] }>('GET', '/api/secrets', {
        query: { team: opts.team, expiring: opts.expiring },
      });
      if (!ctx.out.json && list.items.length === 0) {
        ctx.out.info('No secrets yet. Store one with `plinth secret put TEAM/NAME`.');
        return;
      }
      ctx.out.result(list, (l) =>
        table(l.items, [
          { heading: 'secret', cell: (s) => `${s.team}/${s.name}` },
          { heading: 'version', cell: (s) => String(s.version) },
          { heading: 'updated', cell: (s) => `${when(s.updatedAt)} by ${s.updatedBy}` },
          {
            heading: 'expires',
            cell: (s) =>
              s.expiresAt
                ? `${when(s.expiresAt)}${s.expiryState === 'ok' ? '' : ` (${s.expiryState})`}`
                : '-',
          },
          { heading: 'description', cell: (s) => s.description },
        ]),
      );
    });

  secret
    .command('rm <team/name>')
    .alias('remove')
    .description('remove a secret')
    .addHelpText('after', '\nExample:\n  $ plinth secret rm lab/OLD_TOKEN')
    .option('-y, --yes', 'do not ask')
    .action(async (path: string, opts: { yes?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      if (!opts.yes && !(await confirmDeletion(ctx, `Remove ${path}? Nobody will be able to read it again.`)))
        return;
      await ctx.client().send('DELETE', secretUrl(path));
      ctx.out.info(`Removed ${path}.`);
    });
}
