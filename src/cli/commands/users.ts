import type { Command } from 'commander';
import type { CredentialsEnded, User } from '../../auth/schemas.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { credentialsEndedText } from '../credentials-ended.js';
import { addPageOptions, collect, roleOption } from '../options.js';
import { type CliIo, fields } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import { readSecretFromStdin } from '../prompts.js';
import { userPairs, usersTable } from '../views.js';

interface ListOptions extends PageOptions {
  role?: string;
  team?: string;
  q?: string;
}

interface CreateOptions {
  displayName: string;
  email?: string;
  role?: string;
  team?: string[];
  passwordStdin?: boolean;
}

interface UpdateOptions {
  displayName?: string;
  email?: string;
  role?: string;
  disable?: boolean;
  enable?: boolean;
}

const userPath = (name: string) => `/api/users/${encodeURIComponent(name)}`;

/** `plinth users …`: the people who can sign in (Keepers only, except `show` of yourself). */
export function registerUsers(program: Command, io: CliIo): void {
  const users = program
    .command('users')
    .description('list, create and change users (Keepers)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth users ls --role keeper\n  $ plinth users create ada --display-name "Ada Lovelace" --team optics',
    );
  registerList(users, io);
  registerShow(users, io);
  registerCreate(users, io);
  registerUpdate(users, io);
  registerResetPassword(users, io);
  registerUnlock(users, io);
}

function registerList(users: Command, io: CliIo): void {
  addPageOptions(
    users
      .command('ls')
      .alias('list')
      .description('list users')
      .addOption(roleOption('only users with this role'))
      .option('--team <team>', 'only members of this team')
      .option('--q <text>', 'only users whose username, name or email contains this text'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth users ls --team optics\n  $ plinth users ls --all --json | jq -r ".items[].username"',
    )
    .action(async (opts: ListOptions, command: Command) => {
      const ctx = createContext(command, io);
      const query = { role: opts.role, team: opts.team, q: opts.q };
      const page = await fetchList<User>(ctx.client(), '/api/users', query, opts);
      printList(ctx.out, page, { empty: 'No users match.', human: usersTable });
    });
}

function registerShow(users: Command, io: CliIo): void {
  users
    .command('show <username>')
    .description('show one user (Keepers, or yourself)')
    .addHelpText('after', '\nExample:\n  $ plinth users show ada')
    .action(async (username: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const user = await ctx.client().request<User>('GET', userPath(username));
      ctx.out.result(user, (value) => fields(userPairs(value)));
    });
}

function registerCreate(users: Command, io: CliIo): void {
  users
    .command('create <username>')
    .description('create a user; prints a one-time password unless you give one with --password-stdin')
    .requiredOption('--display-name <name>', 'the name people see, e.g. "Ada Lovelace"')
    .option('--email <address>', 'their email address')
    .addOption(roleOption('keeper or member (default: member)'))
    .option('--team <team>', 'add them to this team (repeat for several)', collect)
    .option('--password-stdin', 'read their initial password from stdin instead of generating one')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth users create ada --display-name "Ada Lovelace" --email ada@example.org --team optics --team lasers\n' +
        '  $ echo "$INITIAL" | plinth users create bob --display-name "Bob" --role keeper --password-stdin',
    )
    .action(async (username: string, opts: CreateOptions, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const password = opts.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
      const body = {
        username,
        displayName: opts.displayName,
        email: opts.email,
        role: opts.role,
        teams: opts.team,
        password,
      };
      const created = await client.request<{ user: User; initialPassword?: string }>('POST', '/api/users', {
        body,
      });
      ctx.out.info(`Created ${created.user.role} ${created.user.username}.`);
      if (created.initialPassword !== undefined && !ctx.out.json) {
        ctx.out.info('One-time password (shown once; they choose their own at first sign-in):');
      }
      ctx.out.result(created, (value) => value.initialPassword ?? '');
    });
}

function registerUpdate(users: Command, io: CliIo): void {
  users
    .command('update <username>')
    .description('change a user’s name, email, role, or disable/enable them')
    .option('--display-name <name>', 'new display name')
    .option('--email <address>', 'new email address ("" removes it)')
    .addOption(roleOption('new role'))
    .option('--disable', 'stop them from signing in (their tokens stop working too)')
    .option('--enable', 'let a disabled user sign in again')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth users update ada --role keeper\n  $ plinth users update bob --disable',
    )
    .action(async (username: string, opts: UpdateOptions, command: Command) => {
      const ctx = createContext(command, io);
      const body = updateBody(opts);
      const user = await ctx.client().request<User>('PATCH', userPath(username), { body });
      ctx.out.info(`Updated ${user.username}.`);
      ctx.out.result(user, (value) => fields(userPairs(value)));
    });
}

function updateBody(opts: UpdateOptions): Record<string, unknown> {
  if (opts.disable && opts.enable) throw CliError.usage('--disable and --enable cannot be used together.');
  const body: Record<string, unknown> = {};
  if (opts.displayName !== undefined) body.displayName = opts.displayName;
  if (opts.email !== undefined) body.email = opts.email === '' ? null : opts.email;
  if (opts.role !== undefined) body.role = opts.role;
  if (opts.disable || opts.enable) body.disabled = opts.disable === true;
  if (Object.keys(body).length === 0) {
    throw CliError.usage('nothing to change: pass --display-name, --email, --role, --disable or --enable.');
  }
  return body;
}

function registerResetPassword(users: Command, io: CliIo): void {
  users
    .command('reset-password <username>')
    .description('replace a user’s password with a new one-time password, printed once')
    .addHelpText('after', '\nExample:\n  $ plinth users reset-password ada')
    .action(async (username: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const result = await ctx
        .client()
        .request<{ initialPassword: string } & Partial<CredentialsEnded>>(
          'POST',
          `${userPath(username)}/reset-password`,
        );
      const ended = result.sessionsEnded === undefined ? undefined : (result as CredentialsEnded);
      const revoked = credentialsEndedText(ended, false);
      if (revoked) ctx.out.info(`${username}: ${revoked}`);
      ctx.out.info(
        `New one-time password for ${username} (shown once; they choose their own at next sign-in):`,
      );
      ctx.out.result(result, (value) => value.initialPassword);
    });
}

function registerUnlock(users: Command, io: CliIo): void {
  users
    .command('unlock <username>')
    .description('lift the lock that failed sign-ins put on a user, and forget those failures')
    .addHelpText(
      'after',
      '\nExample:\n  $ plinth users show ada    # status: locked until …\n  $ plinth users unlock ada',
    )
    .action(async (username: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      await ctx.client().send('DELETE', `${userPath(username)}/lock`);
      ctx.out.info(`Cleared the sign-in lock of ${username}; they can sign in again.`);
    });
}
