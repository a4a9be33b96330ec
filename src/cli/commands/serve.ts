import type { Command } from 'commander';
import { integerIn } from '../options.js';

interface ServeOptions {
  config?: string;
  host?: string;
  port?: number;
}

/** `plinth serve`: runs the Plinth server in this process. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the Plinth server (portal, API and everything behind them)')
    .option(
      '--config <file>',
      'read settings from this YAML file (default: $PLINTH_CONFIG, else plinth.yaml when present)',
    )
    .option('--host <host>', 'listen on this address (PLINTH_HOST)')
    .option('--port <port>', 'listen on this port (PLINTH_PORT, default 7007)', integerIn(1, 65535))
    .addHelpText(
      'after',
      `
Examples:
  $ plinth serve
  $ plinth serve --config /etc/plinth/plinth.yaml --host 0.0.0.0 --port 8080`,
    )
    .action(async (opts: ServeOptions) => {
      // Imported here so that the client commands do not pay for loading the whole server.
      const { runServer } = await import('../../server/index.js');
      const overrides: Record<string, unknown> = {};
      if (opts.host !== undefined) overrides.host = opts.host;
      if (opts.port !== undefined) overrides.port = opts.port;
      await runServer({ configPath: opts.config, overrides });
    });
}
