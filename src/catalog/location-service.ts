import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Actor, AuditLog } from '../auth/index.js';
import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import { isGitUrl, redactUrl } from '../gitops/platform-checkout.js';
import { catalogErrors } from './catalog-errors.js';
import { LocationStore } from './location-store.js';
import type { CatalogSync } from './sync-service.js';
import type { CatalogLocationsTable } from './tables.js';

export interface LocationInput {
  name: string;
  target: string;
  branch?: string;
  path?: string;
}

/**
 * The reader and the stored form of a target. Keepers adding a location hear at once about a folder
 * that does not exist; a configured one is kept, and its syncs report the problem instead.
 */
function normalizeTarget(target: string, mustExist = true): { reader: string; target: string } {
  if (isGitUrl(target)) return { reader: 'git', target };
  const folder = isAbsolute(target) ? target : resolve(target);
  if (mustExist && (!existsSync(folder) || !statSync(folder).isDirectory())) {
    throw catalogErrors.CATALOG_LOCATION_UNSUPPORTED.create([redactUrl(target)]);
  }
  return { reader: 'folder', target: folder };
}

/** Catalog locations: those from the config file, those Keepers add, their syncs and history. */
export class LocationService {
  constructor(
    private readonly db: Db,
    private readonly locations: LocationStore,
    private readonly sync: CatalogSync,
    private readonly audit: AuditLog,
  ) {}

  async list() {
    const rows = await this.locations.list();
    return { items: rows.map((r) => LocationStore.toApi(r, this.sync.isRunning(r.id))), nextCursor: null };
  }

  /** By id or, for people and scripts, by name. */
  async require(idOrName: string): Promise<CatalogLocationsTable> {
    const row = (await this.locations.findById(idOrName)) ?? (await this.locations.findByName(idOrName));
    if (!row) throw catalogErrors.CATALOG_LOCATION_NOT_FOUND.create([idOrName]);
    return row;
  }

  async get(idOrName: string) {
    const row = await this.require(idOrName);
    return LocationStore.toApi(row, this.sync.isRunning(row.id));
  }

  async create(actor: Actor, input: LocationInput, origin: 'api' | 'config' = 'api') {
    const { reader, target } = normalizeTarget(input.target, origin === 'api');
    const row: CatalogLocationsTable = {
      id: newId(),
      name: input.name,
      reader,
      target,
      branch: input.branch ?? null,
      path: (input.path ?? '').replace(/^\/+|\/+$/g, ''),
      origin,
      created_at: nowIso(),
      created_by: actor.username,
      last_sync_at: null,
      last_sync_status: 'never',
      last_sync_error: null,
      sha: null,
      commit_author: null,
      commit_message: null,
      committed_at: null,
      entity_count: 0,
      problem_count: 0,
    };
    await this.db.transaction().execute(async (trx) => {
      // Replicas starting together reconcile the same config: the name decides, the second insert is a no-op.
      if (!(await this.locations.insertIfNew(row, trx))) {
        if (origin === 'config') return;
        throw catalogErrors.CATALOG_LOCATION_EXISTS.create([input.name]);
      }
      const details = { target: redactUrl(target), branch: row.branch, path: row.path, origin };
      await this.audit.record(actor, { action: 'catalog.location.create', target: row.name, details }, trx);
    });
    return row;
  }

  async delete(actor: Actor, idOrName: string): Promise<void> {
    const row = await this.require(idOrName);
    if (row.origin === 'config') throw catalogErrors.CATALOG_LOCATION_FROM_CONFIG.create([row.name]);
    await this.db.transaction().execute(async (trx) => {
      await this.locations.delete(row.id, trx);
      await this.audit.record(actor, { action: 'catalog.location.delete', target: row.name }, trx);
    });
  }

  /** Syncs now and answers with the location and the revision this produced. */
  async syncNow(actor: Actor, idOrName: string) {
    const row = await this.require(idOrName);
    await this.audit.record(actor, { action: 'catalog.location.sync', target: row.name });
    const started = nowIso();
    await this.sync.sync(row);
    const [latest] = await this.locations.revisions(row.id, undefined, 1);
    const location = await this.get(row.id);
    if (latest && latest.applied_at >= started)
      return { location, revision: LocationStore.revisionToApi(latest) };
    // Nothing had changed, so no revision was recorded: say so with the commit that is still current.
    const commit = location.commit;
    return {
      location,
      revision: {
        id: latest?.id ?? 'unchanged',
        sha: commit?.sha ?? null,
        author: commit?.author ?? null,
        message: commit?.message ?? null,
        committedAt: commit?.at ?? null,
        appliedAt: location.lastSync.at ?? started,
        outcome: 'applied' as const,
        added: 0,
        changed: 0,
        removed: 0,
        problems: location.problemCount,
        error: null,
      },
    };
  }

  async revisions(idOrName: string, cursor: string | undefined, limit: number) {
    const row = await this.require(idOrName);
    const rows = await this.locations.revisions(row.id, decodeCursor(cursor), limit);
    return toPage(rows, limit, (r) => r.id, LocationStore.revisionToApi);
  }

  /**
   * Makes the config-file locations exist as configured: new ones added, changed ones updated,
   * ones no longer configured removed (with their entities). Locations added through the API stay.
   */
  async reconcileConfigured(actor: Actor, wanted: LocationInput[]): Promise<void> {
    const existing = (await this.locations.list()).filter((l) => l.origin === 'config');
    for (const input of wanted) {
      const current = existing.find((l) => l.name === input.name);
      if (!current) {
        await this.create(actor, input, 'config');
        continue;
      }
      const { reader, target } = normalizeTarget(input.target, false);
      const changes = {
        reader,
        target,
        branch: input.branch ?? null,
        path: (input.path ?? '').replace(/^\/+|\/+$/g, ''),
      };
      if (Object.entries(changes).some(([k, v]) => current[k as keyof typeof changes] !== v)) {
        await this.locations.update(current.id, changes);
        await this.audit.record(actor, {
          action: 'catalog.location.update',
          target: input.name,
          details: { target: redactUrl(target) },
        });
      }
    }
    for (const stale of existing.filter((l) => !wanted.some((w) => w.name === l.name))) {
      await this.locations.delete(stale.id);
      await this.audit.record(actor, {
        action: 'catalog.location.delete',
        target: stale.name,
        details: { reason: 'removed from config' },
      });
    }
  }
}
