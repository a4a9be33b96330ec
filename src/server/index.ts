import { ConfigError, type LoadConfigOptions, loadConfig } from '../core/config/index.js';
import { createLogger } from '../core/logger.js';
import { type CreateServerOptions, createServer, type PlinthServer } from './create-server.js';

export { createServer, defaultRegistry, type PlinthServer } from './create-server.js';

/** Exit code for an invalid configuration (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

function announceFirstKeeper(server: PlinthServer, url: string): void {
  const keeper = server.firstKeeper;
  if (!keeper) return;
  const lines = [
    '',
    '  Plinth created the first Keeper account.',
    `    portal:   ${url}`,
    `    username: ${keeper.username}`,
    keeper.generatedPassword
      ? `    password: ${keeper.generatedPassword}   (one-time: you choose your own at first sign-in; shown only now)`
      : '    password: the one set in PLINTH_ADMIN_PASSWORD (or its _FILE)',
    '',
  ];
  // Straight to the terminal, not the log: the password must not end up in log storage.
  process.stderr.write(`${lines.join('\n')}\n`);
}

/**
 * Starts the portal as a long-running process: config, database and migrations, first Keeper,
 * HTTP listener; stops cleanly on SIGINT/SIGTERM.
 */
export async function runServer(
  opts: LoadConfigOptions & { serverOptions?: CreateServerOptions } = {},
): Promise<PlinthServer> {
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(opts);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`plinth: ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  const logger = createLogger(loaded.config.logLevel);
  for (const warning of loaded.warnings) logger.warn(warning);
  const server = await createServer(loaded.config, { logger, ...opts.serverOptions });
  const address = await server.app.listen({ host: loaded.config.host, port: loaded.config.port });
  announceFirstKeeper(server, address);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping Plinth');
    await server.app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return server;
}
