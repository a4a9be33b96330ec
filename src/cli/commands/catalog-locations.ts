import type { Command } from 'commander';
import { type Location, locationPath, type Revision, type SyncResult } from '../catalog-api.js';
import { locationsTable, revisionsTable, syncLine } from '../catalog-views.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type Page, type PageOptions, printList } from '../pagination.js';
import { confirmDeletion } from '../prompts.js';

interface AddOptions {
  branch?: string;
  path?: string;
}

/** `plinth catalog locations …`: where the catalog comes from (changes: Keepers). */
export function registerCatalogLocations(catalog: Command, io: CliIo): void {
  const locations = catalog
    .command('locations')
    .description('list, add and remove the locations the catalog is read from, and their history')
    .addHelpText(
      'after',
      `
Without a subcommand, lists the locations.

Examples:
  $ plinth catalog locations
  $ plinth catalog locations add team-repo https://git.example.org/climate/models.git --path catalog`,
    );
  locations
    .command('ls', { isDefault: true })
    .alias('list')
    .description('list locations with their commit, last sync, entity and problem counts')
    .addHelpText('after', '\nExamples:\n  $ plinth catalog locations ls\n  $ plinth catalog locations --json')
    .action(async (_opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const page = await ctx.client().request<Page<Location>>('GET', '/api/catalog/locations');
      printList(ctx.out, page, { empty: 'No locations.', human: locationsTable });
    });
  registerAdd(locations, io);
  registerRemove(locations, io);
  registerHistory(locations, io);
}

function registerAdd(locations: Command, io: CliIo): void {
  locations
    .command('add <name> <target>')
    .description('add a location (a git URL, or a folder on the server) and sync it at once (Keepers)')
    .option('--branch <branch>', 'the git branch to read (default: the repository’s default branch)')
    .option('--path <path>', 'the folder inside the repository to read, e.g. catalog')
    .addHelpText(
      'after',
      `
Prints the result of the first sync. Exit status: 1 when the location was added but that sync failed.

Examples:
  $ plinth catalog locations add team-repo https://git.example.org/climate/models.git --path catalog
  $ plinth catalog locations add lab-tools git@git.example.org:lab/tools.git --branch main --json`,
    )
    .action(async (name: string, target: string, opts: AddOptions, command: Command) => {
      const ctx = createContext(command, io);
      const body = { name, target, branch: opts.branch, path: opts.path };
      const result = await ctx.client().request<SyncResult>('POST', '/api/catalog/locations', { body });
      ctx.out.info(`Added location ${name}.`);
      ctx.out.result(result, (value) => syncLine(name, value.revision));
      if (result.revision.outcome === 'failed') {
        throw new CliError(
          'CLI_SYNC_FAILED',
          `location ${name} was added, but its first sync failed. Fix it, then run \`plinth catalog sync ${name}\`.`,
        );
      }
    });
}

function registerRemove(locations: Command, io: CliIo): void {
  locations
    .command('rm <name>')
    .alias('remove')
    .description(
      'remove a location and its entities from the catalog (Keepers; not those of the config file)',
    )
    .option('-y, --yes', 'do not ask for confirmation (required when not interactive)')
    .addHelpText('after', '\nExample:\n  $ plinth catalog locations rm team-repo --yes')
    .action(async (name: string, opts: { yes?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      const question = `Remove location ${name} and its entities from the catalog?`;
      if (!opts.yes && !(await confirmDeletion(ctx, question))) return;
      await ctx.client().send('DELETE', locationPath(name));
      ctx.out.info(`Removed location ${name} and its entities.`);
    });
}

function registerHistory(locations: Command, io: CliIo): void {
  addPageOptions(
    locations
      .command('history <name>')
      .description('list the syncs of a location, newest first: commit, counts, outcome'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth catalog locations history platform --limit 10\n  $ plinth catalog locations history team-repo --json',
    )
    .action(async (name: string, opts: PageOptions, command: Command) => {
      const ctx = createContext(command, io);
      const page = await fetchList<Revision>(ctx.client(), `${locationPath(name)}/revisions`, {}, opts);
      printList(ctx.out, page, { empty: `No syncs of ${name} yet.`, human: revisionsTable });
    });
}
