import type { Db } from '../../core/db/database.js';
import type { VaultSecretsTable } from '../tables.js';

/** Vault rows: queries only. */
export class VaultStore {
  constructor(private readonly db: Db) {}

  find(team: string, name: string, db: Db = this.db) {
    return db
      .selectFrom('vault_secrets')
      .selectAll()
      .where('team', '=', team)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  list(teams: string[] | 'all') {
    let query = this.db.selectFrom('vault_secrets').selectAll();
    if (teams !== 'all') {
      if (teams.length === 0) return Promise.resolve([]);
      query = query.where('team', 'in', teams);
    }
    return query.orderBy('team').orderBy('name').execute();
  }

  insert(row: VaultSecretsTable, db: Db = this.db) {
    return db.insertInto('vault_secrets').values(row).execute();
  }

  update(id: string, changes: Partial<VaultSecretsTable>, db: Db = this.db) {
    return db.updateTable('vault_secrets').set(changes).where('id', '=', id).execute();
  }

  delete(id: string, db: Db = this.db) {
    return db.deleteFrom('vault_secrets').where('id', '=', id).execute();
  }

  wrappedUnder(keyIdOtherThan: string) {
    return this.db.selectFrom('vault_secrets').selectAll().where('key_id', '!=', keyIdOtherThan).execute();
  }

  /** Secrets expiring before `before` whose team has not been reminded yet. */
  dueForReminder(before: string) {
    return this.db
      .selectFrom('vault_secrets')
      .selectAll()
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', before)
      .where('reminded_at', 'is', null)
      .execute();
  }
}
