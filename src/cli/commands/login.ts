import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { Me } from '../../auth/schemas.js';
import { ApiClient } from '../api-client.js';
import { CliError } from '../cli-error.js';
import { type CliContext, createContext } from '../context.js';
import { loadCredentials, normalizeUrl, type StoredCredentials, saveCredentials } from '../credentials.js';
import { credentialsEndedText } from '../credentials-ended.js';
import type { CliIo } from '../output.js';
import { askPassword, askText, readSecretFromStdin } from '../prompts.js';
import { PasswordSession } from '../session.js';
import { revokeStoredToken } from './logout.js';

interface LoginOptions {
  username?: string;
  passwordStdin?: boolean;
  token?: string;
}

/** `plinth login`: signs in to a server and stores an API token for the other commands. */
export function registerLogin(program: Command, io: CliIo): void {
  program
    .command('login')
    .description('sign in to a Plinth server and remember it (stores an API token, never your password)')
    .option('--username <name>', 'your Plinth username (asked when missing and interactive)')
    .option('--password-stdin', 'read the password from stdin, for scripts')
    .option('--token <token>', 'use an existing API token instead of a password (e.g. one from the portal)')
    .addHelpText(
      'after',
      `
The server is taken from --url, else PLINTH_URL, else the one you signed in to last.

Examples:
  $ plinth login --url https://plinth.example.org
  $ echo "$PASSWORD" | plinth login --url http://localhost:7007 --username ada --password-stdin
  $ plinth login --url https://plinth.example.org --token "$PLINTH_TOKEN"`,
    )
    .action(async (opts: LoginOptions, command: Command) => {
      const ctx = createContext(command, io);
      if (opts.token !== undefined && (opts.username !== undefined || opts.passwordStdin)) {
        throw CliError.usage('--token cannot be combined with --username or --password-stdin.');
      }
      const url = serverUrl(ctx);
      const previous = loadCredentials(io.env);
      const stored =
        opts.token === undefined ? await withPassword(ctx, url, opts) : await withToken(ctx, url, opts.token);
      const path = saveCredentials(io.env, stored);
      ctx.out.debug(`stored credentials in ${path}`);
      await forgetPrevious(ctx, previous, stored);
      ctx.out.jsonOnly({ url: stored.url, username: stored.username });
      ctx.out.info(`Signed in to ${stored.url} as ${stored.username}.`);
    });
}

function serverUrl(ctx: CliContext): string {
  const url = ctx.globals.url ?? ctx.io.env.PLINTH_URL ?? loadCredentials(ctx.io.env)?.url;
  if (url === undefined)
    throw CliError.usage('which server? Pass --url, e.g. plinth login --url https://plinth.example.org');
  return normalizeUrl(url);
}

async function withToken(ctx: CliContext, url: string, token: string): Promise<StoredCredentials> {
  const client = new ApiClient({ baseUrl: url, token, debug: ctx.out.debug });
  const me = await client.request<Me>('GET', '/api/me');
  return { url, token, username: me.user.username };
}

async function withPassword(ctx: CliContext, url: string, opts: LoginOptions): Promise<StoredCredentials> {
  const username = opts.username ?? (await askUnlessScripted(ctx, opts, () => askText('Username')));
  const password = opts.passwordStdin
    ? await readSecretFromStdin(ctx.io, 'password')
    : await askUnlessScripted(ctx, opts, () => askPassword(`Password for ${username}`));
  const session = await PasswordSession.open(url, { username, password }, ctx.out.debug);
  try {
    if (session.me.user.mustChangePassword) await replaceOneTimePassword(ctx, session, password);
    const created = await session.createToken(`plinth CLI on ${hostname()}`);
    return { url, token: created.secret, username: session.me.user.username, tokenId: created.token.id };
  } finally {
    await session.close();
  }
}

/** The server allows nothing else until a one-time password is replaced, so ask for the new one now. */
async function replaceOneTimePassword(
  ctx: CliContext,
  session: PasswordSession,
  current: string,
): Promise<void> {
  const username = session.me.user.username;
  if (!ctx.interactive) {
    throw new CliError(
      'AUTH_PASSWORD_CHANGE_REQUIRED',
      `${username} has a one-time password: run \`plinth login\` at a terminal, or sign in to the portal, to choose your own first.`,
      { status: 403 },
    );
  }
  ctx.out.info('This is a one-time password: choose your own now.');
  const next = await askPassword('New password');
  if ((await askPassword('New password, again')) !== next)
    throw CliError.usage('the two new passwords differ.');
  const ended = await session.changePassword(current, next);
  ctx.out.info(`Password changed. ${credentialsEndedText(ended, true)}`.trim());
}

/** Signing in again replaces the stored token; the old one, if this CLI made it, is revoked rather than left behind. */
async function forgetPrevious(
  ctx: CliContext,
  previous: StoredCredentials | undefined,
  next: StoredCredentials,
) {
  if (previous?.tokenId === undefined || previous.token === next.token) return;
  await revokeStoredToken(previous, ctx.out.debug).catch((error: Error) => {
    ctx.out.debug(`could not revoke the previous token: ${error.message}`);
  });
}

/** Prompts only when a person is there to answer; a script gets a usage error that says what to pass. */
async function askUnlessScripted(
  ctx: CliContext,
  opts: LoginOptions,
  ask: () => Promise<string>,
): Promise<string> {
  if (ctx.interactive && !opts.passwordStdin) return ask();
  throw CliError.usage(
    'not interactive: pass --username and --password-stdin (or --token). Example: ' +
      'echo "$PASSWORD" | plinth login --url URL --username ada --password-stdin',
  );
}
