import { statfs } from 'node:fs/promises';
import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import type { Logger } from '../logger.js';
import { nowIso } from '../time.js';

/** Why an error means "no room left to write", in words; undefined for any other error. */
export type StorageFullReason = (error: unknown) => string | undefined;

/** Errors of the operating system that mean a full disk, whatever wrote. */
const OS_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
};

/**
 * Whether writes fail for want of space. A failure is remembered (and logged once, as "disk
 * full") until a write works again, so readiness can report it; readiness also looks at the free
 * space of the data folder itself, which catches a full disk before the first write fails.
 */
export class StorageHealth {
  private failing: { since: string; reason: string } | null = null;

  constructor(
    private readonly engineReason: StorageFullReason,
    private readonly logger: Logger,
  ) {}

  /** Why `error` (or one of its causes) means the storage is full; undefined otherwise. */
  reasonOf(error: unknown): string | undefined {
    let current = error;
    for (let hops = 0; current && hops < 5; hops++) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && OS_REASONS[code]) return `${code}: ${OS_REASONS[code]}`;
      const reason = this.engineReason(current);
      if (reason) return reason;
      current = (current as { cause?: unknown }).cause;
    }
    return undefined;
  }

  /** Records `error` when it means a full disk; returns its reason then. */
  noteFailure(error: unknown): string | undefined {
    const reason = this.reasonOf(error);
    if (reason && !this.failing) {
      this.failing = { since: nowIso(), reason };
      this.logger.error(
        { reason },
        'disk full: writes fail and are refused with STORAGE_FULL; /readyz reports not ready until space is freed',
      );
    }
    return reason;
  }

  /** The first storage-full failure since writes last worked, or null. */
  get failure(): { since: string; reason: string } | null {
    return this.failing;
  }

  /** A write worked again: the disk has room. */
  noteRecovered(): void {
    if (!this.failing) return;
    this.failing = null;
    this.logger.info('disk space is back: writes work again');
  }
}

/** Bytes free to this process on the filesystem that holds `folder`. */
export async function freeBytes(folder: string): Promise<number> {
  const stats = await statfs(folder);
  return stats.bavail * stats.bsize;
}

function watchConnection(connection: DatabaseConnection, health: StorageHealth): DatabaseConnection {
  return {
    executeQuery: async (query) => {
      try {
        return await connection.executeQuery(query);
      } catch (error) {
        health.noteFailure(error);
        throw error;
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}

/**
 * The dialect with every query watched for storage-full failures, including those of background
 * work (catalog syncs, the outbox) that no request answers for.
 */
export function watchStorage(dialect: Dialect, health: StorageHealth): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => watchDriver(dialect.createDriver(), health),
  };
}

function watchDriver(driver: Driver, health: StorageHealth): Driver {
  const wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const originals = new WeakMap<DatabaseConnection, DatabaseConnection>();
  // A commit that works proves the disk has room again (readiness also probes by itself).
  const noted = <T>(result: T, isCommit: boolean): T => {
    if (result instanceof Promise) {
      result.then(
        () => isCommit && health.noteRecovered(),
        (error: unknown) => health.noteFailure(error),
      );
    }
    return result;
  };
  return new Proxy(driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'acquireConnection') {
        return async () => {
          const connection = await target.acquireConnection();
          let wrapper = wrappers.get(connection);
          if (!wrapper) {
            wrapper = watchConnection(connection, health);
            wrappers.set(connection, wrapper);
            originals.set(wrapper, connection);
          }
          return wrapper;
        };
      }
      // Begin, commit (which writes), rollback and release get the engine's own connection:
      // the PostgreSQL driver releases through a private method the wrapper does not have.
      return (...args: unknown[]) => {
        const unwrapped = args.map(
          (a) => (typeof a === 'object' && a !== null && originals.get(a as DatabaseConnection)) || a,
        );
        const result = (value as (...a: unknown[]) => unknown).apply(target, unwrapped);
        return noted(result, property === 'commitTransaction');
      };
    },
  });
}
