import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerCatalog } from './commands/catalog.js';
import { registerCredential } from './commands/credential.js';
import { registerId } from './commands/id.js';
import { registerJob } from './commands/job.js';
import { registerLogin } from './commands/login.js';
import { registerLogout } from './commands/logout.js';
import { registerNew } from './commands/new.js';
import { registerNotifications } from './commands/notifications.js';
import { registerRadar } from './commands/radar.js';
import { registerRequest } from './commands/request.js';
import { registerSearch } from './commands/search.js';
import { registerSecret } from './commands/secret.js';
import { registerServe } from './commands/serve.js';
import { registerSweep } from './commands/sweep.js';
import { registerTask } from './commands/task.js';
import { registerTeams } from './commands/teams.js';
import { registerTemplate } from './commands/template.js';
import { registerTokens } from './commands/tokens.js';
import { registerUsers } from './commands/users.js';
import { registerWhoami } from './commands/whoami.js';
import type { CliIo } from './output.js';

/** The Plinth version, read from package.json (two levels up from both src/cli and dist/cli). */
export function plinthVersion(): string {
  const path = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/**
 * Builds the `plinth` program. Commander's exits become thrown errors (see `runCli`), and its
 * output goes through `io`; both settings are inherited by every subcommand created afterwards.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('plinth')
    .description('Plinth: the internal developer platform of your research teams, from the terminal.')
    .version(plinthVersion(), '-V, --version', 'print the Plinth version')
    .option('--url <url>', 'Plinth server URL (default: PLINTH_URL, else the one you signed in to)')
    .option('--json', 'print results as JSON on stdout, for scripts')
    .option('--verbose', 'show each HTTP request on stderr')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth login --url https://plinth.example.org
  $ plinth whoami
  $ plinth teams ls --json
  $ plinth catalog validate catalog/
  $ plinth job submit --cpus 4 --memory 8G --wait -- python train.py

Environment: PLINTH_URL and PLINTH_TOKEN override the stored sign-in (for CI);
PLINTH_CONFIG_DIR moves the credentials file (default ~/.config/plinth).`,
    );
  registerServe(program);
  registerLogin(program, io);
  registerLogout(program, io);
  registerWhoami(program, io);
  registerUsers(program, io);
  registerTeams(program, io);
  registerTokens(program, io);
  registerAudit(program, io);
  registerCatalog(program, io);
  registerSearch(program, io);
  registerJob(program, io);
  registerSweep(program, io);
  registerId(program, io);
  registerCredential(program, io);
  registerSecret(program, io);
  registerNew(program, io);
  registerTemplate(program, io);
  registerTask(program, io);
  registerRequest(program, io);
  registerRadar(program, io);
  registerNotifications(program, io);
  return program;
}
