/**
 * An error the CLI reports to the user: a stable code (the server's, or a `CLI_*` one of our own),
 * a message that says what to do, and the HTTP status when the server answered.
 */
export class CliError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly details: unknown;

  constructor(
    code: string,
    message: string,
    opts: { status?: number; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'CliError';
    this.code = code;
    this.status = opts.status;
    this.details = opts.details;
  }

  /** A mistake in how the command was called; exits 2 like commander's own usage errors. */
  static usage(message: string): CliError {
    return new CliError('CLI_USAGE', message);
  }
}
