import { confirm, isCancel, password, text } from '@clack/prompts';
import { CliError } from './cli-error.js';
import type { CliContext } from './context.js';
import type { CliIo } from './output.js';

/**
 * Reads a secret piped on stdin (`--password-stdin`), dropping the one line break that
 * `echo` or a file adds, so that the secret never has to appear in the shell history.
 */
export async function readSecretFromStdin(io: CliIo, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (secret === '') throw CliError.usage(`--password-stdin: no ${what} on stdin.`);
  return secret;
}

/** Asks for a line of text; prompts go to stderr so that stdout stays clean. */
export async function askText(message: string): Promise<string> {
  return answered<string>(await text({ message, output: process.stderr, validate: required }));
}

/** Asks for a secret without echoing it. */
export async function askPassword(message: string): Promise<string> {
  return answered<string>(await password({ message, output: process.stderr, validate: required }));
}

/** Asks a yes/no question. */
export async function askConfirm(message: string): Promise<boolean> {
  return answered<boolean>(await confirm({ message, output: process.stderr, initialValue: false }));
}

function required(value: string | undefined): string | undefined {
  return value ? undefined : 'Required';
}

function answered<T>(value: T | symbol): T {
  if (isCancel(value)) throw new CliError('CLI_CANCELLED', 'cancelled.');
  return value as T;
}

/**
 * Asks before deleting when a person is there; a script must pass --yes, so that nothing is
 * deleted by accident. Answers whether to go on.
 */
export async function confirmDeletion(ctx: CliContext, question: string): Promise<boolean> {
  if (!ctx.interactive) throw CliError.usage('not interactive: pass --yes to confirm.');
  const yes = await askConfirm(question);
  if (!yes) ctx.out.info('Nothing deleted.');
  return yes;
}
