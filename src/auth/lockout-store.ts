import type { Db } from '../core/db/database.js';
import type { LockoutState } from './lockout-rules.js';
import type { SignInLockoutsTable } from './tables.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A stored row as the rules see it, with the version it was read at. */
export interface StoredLockout {
  state: LockoutState;
  version: number;
}

function toStored(row: SignInLockoutsTable): StoredLockout {
  return {
    state: {
      failures: Number(row.failures),
      lockCount: Number(row.lock_count),
      lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until),
      lastFailureAt: Date.parse(row.last_failure_at),
    },
    version: Number(row.version),
  };
}

/** Failed sign-ins per account name, in the database so that every replica and restart sees them. */
export class LockoutStore {
  constructor(private readonly db: Db) {}

  async find(username: string): Promise<StoredLockout | undefined> {
    const row = await this.db
      .selectFrom('sign_in_lockouts')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row && toStored(row);
  }

  async findMany(usernames: string[]): Promise<Map<string, LockoutState>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('sign_in_lockouts')
      .selectAll()
      .where('username', 'in', usernames)
      .execute();
    return new Map(rows.map((row) => [row.username, toStored(row).state]));
  }

  /**
   * Writes `next` only if the row is still as it was read (`previous`, or absent); false when
   * another request wrote first. Compare-and-swap: no lock held, the same on every engine.
   */
  async swap(username: string, previous: StoredLockout | undefined, next: LockoutState): Promise<boolean> {
    const values = {
      failures: next.failures,
      lock_count: next.lockCount,
      locked_until: iso(next.lockedUntil),
      last_failure_at: iso(next.lastFailureAt) as string,
    };
    if (!previous) {
      const result = await this.db
        .insertInto('sign_in_lockouts')
        .values({ username, ...values, version: 1 })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const result = await this.db
      .updateTable('sign_in_lockouts')
      .set({ ...values, version: previous.version + 1 })
      .where('username', '=', username)
      .where('version', '=', previous.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Forgets an account's failures and lock; returns what there was. */
  async clear(username: string, db: Db = this.db): Promise<LockoutState | undefined> {
    const row = await db
      .deleteFrom('sign_in_lockouts')
      .where('username', '=', username)
      .returningAll()
      .executeTakeFirst();
    return row && toStored(row).state;
  }

  /** Drops rows whose last failure is older than `before` and whose lock, if any, has run out. */
  async prune(before: number, now: number): Promise<void> {
    await this.db
      .deleteFrom('sign_in_lockouts')
      .where('last_failure_at', '<', iso(before) as string)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', iso(now) as string)]))
      .execute();
  }
}
