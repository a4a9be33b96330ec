import { compiledOnce } from '../core/db/compiled-query.js';
import type { Db } from '../core/db/database.js';
import type { ApiToken } from './schemas.js';
import type { ApiTokensTable, SessionsTable } from './tables.js';

const usableToken = compiledOnce(
  (db, hash: string, now: string) =>
    db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)])),
  ['', ''],
);

/** Sessions and API tokens, looked up by the hash of their secret. Queries only. */
export class CredentialStore {
  constructor(private readonly db: Db) {}

  insertSession(row: SessionsTable, db: Db = this.db) {
    return db.insertInto('sessions').values(row).execute();
  }

  /** The live session and its user, or undefined when unknown or expired. */
  findSession(id: string, now: string) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.id as session_id', 'sessions.last_seen_at'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
  }

  touchSession(id: string, now: string) {
    return this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  deleteSession(id: string) {
    return this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of a user but `except`; answers how many ended. */
  async deleteSessionsOf(userId: string, db: Db = this.db, except?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except) query = query.where('id', '!=', except);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  deleteExpiredSessions(now: string) {
    return this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  insertToken(row: ApiTokensTable, db: Db = this.db) {
    return db.insertInto('api_tokens').values(row).execute();
  }

  /**
   * The usable token and its user, or undefined when unknown, revoked or expired. Asked on every
   * request that carries a token, so the query is built once; the answer is never kept, so a
   * revoked token or a disabled account is refused at the next request.
   */
  async findToken(hash: string, now: string) {
    const [row] = await usableToken(this.db, hash, now);
    return row;
  }

  touchToken(id: string, now: string) {
    return this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  listTokens(userId: string, after: string | undefined, limit: number) {
    let query = this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (after) query = query.where('id', '<', after);
    return query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  findOwnToken(userId: string, id: string, db: Db = this.db) {
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** Revokes every live token of a user but `except`; answers how many were revoked. */
  async revokeTokensOf(userId: string, now: string, db: Db = this.db, except?: string): Promise<number> {
    let query = db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (except) query = query.where('id', '!=', except);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  revokeToken(id: string, now: string, db: Db = this.db) {
    return db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
  }

  static tokenToApi(row: ApiTokensTable): ApiToken {
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
    };
  }
}
