import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { resolveCredentials } from './credentials.js';
import { type CliIo, createOutput, type Output } from './output.js';

/** The options every command accepts (declared once, on the program). */
export interface GlobalOptions {
  url?: string;
  json?: boolean;
  verbose?: boolean;
}

/** Everything an action needs: output, environment, and a way to reach the server. */
export interface CliContext {
  io: CliIo;
  out: Output;
  globals: GlobalOptions;
  /** True when a person can answer prompts (stdin is a terminal). */
  interactive: boolean;
  /** A client for the signed-in server; fails with exit 3 when there is no token for it. */
  client(): ApiClient;
}

/** Builds the context of the command that is running, from its options and those of the program. */
export function createContext(command: Command, io: CliIo): CliContext {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const out = createOutput(io, { json: globals.json === true, verbose: globals.verbose === true });
  return {
    io,
    out,
    globals,
    interactive: io.stdin.isTTY === true,
    client: () => signedInClient(io, globals, out),
  };
}

function signedInClient(io: CliIo, globals: GlobalOptions, out: Output): ApiClient {
  const credentials = resolveCredentials(io.env, globals.url);
  if (credentials.url === undefined || credentials.token === undefined) {
    const where = credentials.url === undefined ? '' : ` to ${credentials.url}`;
    throw new CliError(
      'CLI_NOT_SIGNED_IN',
      `not signed in${where}. Run \`plinth login --url URL\`, or set PLINTH_URL and PLINTH_TOKEN.`,
    );
  }
  return new ApiClient({ baseUrl: credentials.url, token: credentials.token, debug: out.debug });
}
