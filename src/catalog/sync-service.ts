import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import { nowIso } from '../core/time.js';
import { type LocationReader, locationReaderPoint } from '../gitops/reader.js';
import { applyPrepared, recordFailedSync } from './apply-revision.js';
import { catalogErrors } from './catalog-errors.js';
import type { EntityStore } from './entity-store.js';
import { catalogKindPoint } from './extension.js';
import { createKindRegistry, type KindRegistry } from './kind-registry.js';
import { builtInKinds } from './kinds/index.js';
import type { LocationStore } from './location-store.js';
import { prepareRevisionOffThread } from './prepare-revision.js';
import { releaseHeap } from './release-heap.js';
import type { CatalogLocationsTable } from './tables.js';

export interface SyncOutcome {
  outcome: 'applied' | 'failed';
  error?: string;
}

/** Changes in one revision above which the database statistics and the heap are tidied up after it. */
const BULK = 1000;

/** Told after a revision of a location was applied. */
export type RevisionAppliedListener = (event: { locationId: string; locationName: string }) => unknown;

/**
 * Pulls locations and applies what they hold. One sync per location at a time: a second request
 * while one runs waits for that one instead of starting another.
 */
export class CatalogSync {
  private readonly running = new Map<string, Promise<SyncOutcome>>();
  private readonly appliedListeners: RevisionAppliedListener[] = [];
  private plugins: Promise<{ kinds: KindRegistry; names: string[] } | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly locations: LocationStore,
    private readonly entities: EntityStore,
    private readonly registry: ExtensionRegistry,
    private readonly logger: Logger,
    /** Given to reader adapters, e.g. the git reader's cache folder. */
    private readonly readerConfig: { cacheDir: string },
    /** The database engine's upkeep after a large write (fresh planner statistics). */
    private readonly afterBulkWrite: () => Promise<void> = async () => {},
  ) {}

  /**
   * Hook for domains that follow the catalog (search, docs): called after each applied revision,
   * before the sync answers. A failing listener is logged; it never fails the sync.
   */
  onRevisionApplied(listener: RevisionAppliedListener): void {
    this.appliedListeners.push(listener);
  }

  /** The kinds registered as adapters besides the built-in ones (Template), compiled once. */
  private pluginKinds() {
    this.plugins ??= Promise.all(
      this.registry.list(catalogKindPoint).map((entry) => entry.create({ config: {}, logger: this.logger })),
    ).then((kinds) => {
      const extra = kinds.filter((k) => !builtInKinds.some((b) => b.kind === k.kind));
      if (extra.length === 0) return undefined;
      return { kinds: createKindRegistry([...builtInKinds, ...extra]), names: extra.map((k) => k.kind) };
    });
    return this.plugins;
  }

  isRunning(locationId: string): boolean {
    return this.running.has(locationId);
  }

  /** The reader adapter that handles this target, chosen by capability, never by name. */
  async readerFor(target: string): Promise<{ name: string; reader: LocationReader }> {
    for (const entry of this.registry.list(locationReaderPoint)) {
      const handles = entry.capabilities.handles as ((t: string) => boolean) | undefined;
      if (handles?.(target)) {
        return {
          name: entry.name,
          reader: await entry.create({ config: this.readerConfig, logger: this.logger }),
        };
      }
    }
    throw catalogErrors.CATALOG_LOCATION_UNSUPPORTED.create([target]);
  }

  sync(location: CatalogLocationsTable): Promise<SyncOutcome> {
    const current = this.running.get(location.id);
    if (current) return current;
    const run = this.run(location).finally(() => this.running.delete(location.id));
    this.running.set(location.id, run);
    return run;
  }

  private async run(location: CatalogLocationsTable): Promise<SyncOutcome> {
    const started = Date.now();
    this.logger.info({ location: location.name }, 'Catalog sync started');
    let snapshot: Awaited<ReturnType<LocationReader['read']>>;
    try {
      const { reader } = await this.readerFor(location.target);
      snapshot = await reader.read({
        id: location.id,
        target: location.target,
        branch: location.branch,
        path: location.path,
      });
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(
        { location: location.name, error: message },
        'Catalog location unreadable; keeping the last good revision',
      );
      await recordFailedSync(this.db, location.id, message);
      return { outcome: 'failed', error: message };
    }
    // Chunks, prepared in a worker thread while they are written: never the whole revision at once.
    const prepared = prepareRevisionOffThread(
      {
        files: snapshot.files,
        readProblems: snapshot.problems ?? [],
        refsElsewhere: await this.entities.refsOutside(location.id),
        locationId: location.id,
        now: nowIso(),
      },
      await this.pluginKinds(),
    );
    const counts = await applyPrepared(this.db, location.id, snapshot.commit, prepared);
    const bulk = counts.added + counts.changed + counts.removed > BULK;
    if (bulk) await this.afterBulkWrite();
    for (const listener of this.appliedListeners) {
      await Promise.resolve()
        .then(() => listener({ locationId: location.id, locationName: location.name }))
        .catch((error) =>
          this.logger.error({ err: error, location: location.name }, 'A catalog listener failed'),
        );
    }
    // Once the listeners (the search refresh) are done too: the garbage of the whole sync goes at once.
    if (bulk) releaseHeap();
    this.logger.info(
      { location: location.name, sha: snapshot.commit.sha, ...counts, ms: Date.now() - started },
      'Catalog revision applied',
    );
    return { outcome: 'applied' };
  }

  /** Syncs every location, one after the other (a slow one does not block the next interval forever). */
  async syncAll(): Promise<void> {
    for (const location of await this.locations.list()) {
      try {
        await this.sync(location);
      } catch (error) {
        this.logger.error({ err: error, location: location.name }, 'Catalog sync failed');
      }
    }
  }
}
