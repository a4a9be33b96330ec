import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { type Location, locationPath, type Revision, type SyncResult } from '../catalog-api.js';
import { failedSyncLine, syncLine } from '../catalog-views.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import type { CliIo } from '../output.js';
import type { Page } from '../pagination.js';
import { createProgress } from '../progress.js';

/** The result of syncing one location, as `plinth catalog sync --json` prints it. */
interface SyncItem {
  name: string;
  outcome: 'applied' | 'failed';
  /** Why it failed: the reader's error, or the server's answer. */
  error: string | null;
  /** Present when the server ran the sync (even a failed one). */
  location?: Location;
  revision?: Revision;
}

/** `plinth catalog sync [location...]`: pull locations now and apply what they hold (Keepers). */
export function registerCatalogSync(catalog: Command, io: CliIo): void {
  catalog
    .command('sync [location...]')
    .description('pull locations now and apply what they hold, all of them when none is named (Keepers)')
    .addHelpText(
      'after',
      `
Prints one line per location, e.g. "platform: applied 3f2c1ab — 3 added, 1 changed, 0 removed,
2 problems" or "team-repo: FAILED — <error>". Exit status: 1 when any sync failed.

Examples:
  $ plinth catalog sync
  $ plinth catalog sync platform team-repo
  $ plinth catalog sync --json | jq '.items[] | select(.outcome == "failed")'`,
    )
    .action(async (names: string[], _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const chosen = names.length > 0 ? names : await allLocationNames(client);
      if (chosen.length === 0) ctx.out.info('No locations to sync.');
      else if (names.length === 0) ctx.out.info(`Syncing ${chosen.length} locations: ${chosen.join(', ')}`);
      const progress = createProgress(io);
      const items: SyncItem[] = [];
      for (const name of chosen) {
        progress.start(`Syncing ${name}`);
        const item = await syncOne(client, name).finally(() => progress.done());
        items.push(item);
        if (!ctx.out.json) io.stdout(`${itemLine(item)}\n`);
      }
      ctx.out.jsonOnly({ items });
      const failed = items.filter((item) => item.outcome === 'failed').map((item) => item.name);
      if (failed.length > 0) {
        const message = `${failed.length} of ${items.length} syncs failed: ${failed.join(', ')}.`;
        throw new CliError('CLI_SYNC_FAILED', message, { details: { failed } });
      }
    });
}

async function allLocationNames(client: ApiClient): Promise<string[]> {
  const page = await client.request<Page<Location>>('GET', '/api/catalog/locations');
  return page.items.map((location) => location.name);
}

/** Syncs one location; a failure of that location is a result, not an exception. */
async function syncOne(client: ApiClient, name: string): Promise<SyncItem> {
  try {
    const { location, revision } = await client.request<SyncResult>('POST', `${locationPath(name)}/sync`);
    return { name, outcome: revision.outcome, error: revision.error, location, revision };
  } catch (error) {
    if (!concernsOneLocation(error)) throw error;
    return { name, outcome: 'failed', error: error.message };
  }
}

/**
 * A missing location, or a server error during its sync, is that location's failure: the others
 * still run. Anything else (signed out, forbidden, rate-limited, unreachable) would fail them all
 * alike, so it stops the command with its own exit code.
 */
function concernsOneLocation(error: unknown): error is CliError {
  if (!(error instanceof CliError) || error.status === undefined) return false;
  return error.status === 404 || error.status >= 500;
}

/** The one-line result of an item. */
function itemLine(item: SyncItem): string {
  if (item.revision !== undefined) return syncLine(item.name, item.revision);
  return failedSyncLine(item.name, item.error ?? 'unknown error');
}
