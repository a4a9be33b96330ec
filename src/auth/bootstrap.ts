import type { Db } from '../core/db/database.js';
import { nowIso } from '../core/time.js';
import { systemActor } from './audit-log.js';
import { generatePassword } from './password.js';
import type { UserService } from './user-service.js';

export interface FirstKeeper {
  username: string;
  /** Set only when Plinth generated the password: print it once, it is never shown again. */
  generatedPassword?: string;
}

const MARK = 'bootstrap.first-keeper';

/**
 * Creates the first Keeper on an empty database, exactly once per installation: the `meta`
 * mark is inserted first, so a second replica starting at the same moment stops there.
 */
export async function ensureFirstKeeper(
  db: Db,
  users: UserService,
  options: { username: string; password?: string },
): Promise<FirstKeeper | null> {
  const claimed = await db
    .insertInto('meta')
    .values({ key: MARK, value: options.username, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const password = options.password ?? generatePassword();
  try {
    await users.create(
      systemActor,
      { username: options.username, displayName: 'Platform Keeper', role: 'keeper', password },
      // An operator who chose the password keeps it; a generated one must be replaced at first sign-in.
      { mustChangePassword: options.password === undefined },
    );
  } catch (error) {
    await db.deleteFrom('meta').where('key', '=', MARK).execute();
    throw error;
  }
  return { username: options.username, generatedPassword: options.password ? undefined : password };
}
