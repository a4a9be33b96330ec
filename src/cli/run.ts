import { CommanderError } from 'commander';
import { CliError } from './cli-error.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './output.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * Every failure ends here and is reported once, on stderr.
 * @example process.exitCode = await runCli(['whoami', '--json'], processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // Words after `--` belong to the command a job runs (`job submit -- tool --json`), not to plinth.
    const dash = argv.indexOf('--');
    const own = dash < 0 ? argv : argv.slice(0, dash);
    return report(error, io, { json: own.includes('--json'), verbose: own.includes('--verbose') });
  }
}

function report(error: unknown, io: CliIo, opts: { json: boolean; verbose: boolean }): number {
  // Commander has already printed its own message (or the help, or the version).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof CliError) {
    if (opts.json) {
      const body = { error: { code: error.code, message: error.message, details: error.details } };
      io.stderr(`${JSON.stringify(body)}\n`);
    } else {
      io.stderr(`plinth: ${error.message}${formatDetails(error.message, error.details)}\n`);
    }
    if (opts.verbose && error.cause instanceof Error)
      io.stderr(`cause: ${error.cause.stack ?? error.cause.message}\n`);
    return exitCodeFor(error);
  }
  const unexpected = error instanceof Error ? error : new Error(String(error));
  io.stderr(`plinth: unexpected error: ${opts.verbose ? unexpected.stack : unexpected.message}\n`);
  if (!opts.verbose) io.stderr('(run again with --verbose for details)\n');
  return EXIT.unexpected;
}

/** Validation details name each field and what is wrong with it; show those the message does not already say. */
function formatDetails(message: string, details: unknown): string {
  if (!Array.isArray(details)) return '';
  return details
    .filter((d): d is { field?: unknown; message?: unknown } => typeof d === 'object' && d !== null)
    .map(
      (d) =>
        `${d.field === undefined || d.field === '' ? '' : `${String(d.field)}: `}${String(d.message ?? '')}`,
    )
    .filter((line) => !message.includes(line))
    .map((line) => `\n  ${line}`)
    .join('');
}
