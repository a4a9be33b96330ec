import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { isoIn, newId, nowIso } from '../core/time.js';
import type { Actor, AuditLog } from './audit-log.js';
import { CredentialStore } from './credential-store.js';
import { authErrors } from './errors.js';
import type { Principal } from './principal.js';
import { newApiToken } from './secrets.js';

/** Personal API tokens: created for oneself, shown once, stored as a hash, revocable. */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal, cursor: string | undefined, limit: number) {
    const rows = await this.credentials.listTokens(principal.user.id, decodeCursor(cursor), limit);
    return toPage(rows, limit, (r) => r.id, CredentialStore.tokenToApi);
  }

  async create(principal: Principal, actor: Actor, input: { name: string; expiresInDays?: number }) {
    const { secret, hash, prefix } = newApiToken();
    const row = {
      id: newId(),
      user_id: principal.user.id,
      name: input.name,
      token_hash: hash,
      prefix,
      created_at: nowIso(),
      last_used_at: null,
      expires_at: input.expiresInDays ? isoIn(input.expiresInDays * 86_400_000) : null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.credentials.insertToken(row, trx);
      await this.audit.record(
        actor,
        { action: 'token.create', target: row.id, details: { name: row.name } },
        trx,
      );
    });
    return { token: CredentialStore.tokenToApi(row), secret };
  }

  async revoke(principal: Principal, actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.credentials.findOwnToken(principal.user.id, id, trx);
      if (!row) throw authErrors.AUTH_TOKEN_NOT_FOUND.create([id]);
      await this.credentials.revokeToken(id, nowIso(), trx);
      await this.audit.record(
        actor,
        { action: 'token.revoke', target: id, details: { name: row.name } },
        trx,
      );
    });
  }
}
