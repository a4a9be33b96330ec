import type { Db } from '../core/db/database.js';
import { newId } from '../core/time.js';
import type { SecretBox } from './secret-box.js';
import type { NotificationWebhooksTable } from './tables.js';
import { topicMatches } from './topics.js';

/** The webhooks Keepers defined (in the config or the portal), with their secrets sealed. */
export class WebhookDirectory {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly now: () => number,
  ) {}

  list(db: Db = this.db): Promise<NotificationWebhooksTable[]> {
    return db.selectFrom('notification_webhooks').selectAll().orderBy('name').execute();
  }

  find(id: string): Promise<NotificationWebhooksTable | undefined> {
    return this.db.selectFrom('notification_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByName(name: string, db: Db = this.db) {
    return db.selectFrom('notification_webhooks').selectAll().where('name', '=', name).executeTakeFirst();
  }

  /** Where a delivery goes and the secret it is signed with; null once the webhook is deleted. */
  async resolve(id: string): Promise<{ url: string; secret: string; name: string } | null> {
    const row = await this.find(id);
    if (!row) return null;
    const secret = this.box.open(row.secret_sealed, row.id);
    if (secret === null) {
      throw new Error(
        `The signing secret of webhook '${row.name}' does not decrypt: the server secret key changed since it was stored; define the webhook again`,
      );
    }
    return { url: row.url, secret, name: row.name };
  }

  async matching(topic: string): Promise<NotificationWebhooksTable[]> {
    const rows = await this.list();
    return rows.filter((row) => (JSON.parse(row.topics) as string[]).some((p) => topicMatches(p, topic)));
  }

  async insert(
    input: { name: string; url: string; topics: string[]; secret: string; source: 'config' | 'portal' },
    createdBy: string | null,
    db: Db = this.db,
  ): Promise<NotificationWebhooksTable> {
    const id = newId();
    const at = new Date(this.now()).toISOString();
    const row: NotificationWebhooksTable = {
      id,
      name: input.name,
      url: input.url,
      topics: JSON.stringify(input.topics),
      secret_sealed: this.box.seal(input.secret, id),
      source: input.source,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    };
    await db.insertInto('notification_webhooks').values(row).execute();
    return row;
  }

  async remove(id: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('notification_webhooks').where('id', '=', id).execute();
  }

  /**
   * Makes the config's webhooks the stored ones of source `config`: added, changed (url, topics,
   * secret) or removed to match. Portal-made webhooks are left alone.
   */
  async syncFromConfig(endpoints: { name: string; url: string; topics: string[]; secret: string }[]) {
    await this.db.transaction().execute(async (trx) => {
      const stored = (await this.list(trx)).filter((r) => r.source === 'config');
      for (const endpoint of endpoints) {
        const row = stored.find((r) => r.name === endpoint.name);
        if (!row) {
          const clash = await this.findByName(endpoint.name, trx);
          // A portal webhook of the same name yields to the config, which is the source of truth.
          if (clash) await this.remove(clash.id, trx);
          await this.insert({ ...endpoint, source: 'config' }, null, trx);
          continue;
        }
        const same =
          row.url === endpoint.url &&
          row.topics === JSON.stringify(endpoint.topics) &&
          this.box.open(row.secret_sealed, row.id) === endpoint.secret;
        if (!same) {
          await trx
            .updateTable('notification_webhooks')
            .set({
              url: endpoint.url,
              topics: JSON.stringify(endpoint.topics),
              secret_sealed: this.box.seal(endpoint.secret, row.id),
              updated_at: new Date(this.now()).toISOString(),
            })
            .where('id', '=', row.id)
            .execute();
        }
      }
      for (const row of stored) {
        if (!endpoints.some((e) => e.name === row.name)) await this.remove(row.id, trx);
      }
    });
  }
}
