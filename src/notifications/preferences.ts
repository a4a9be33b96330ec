import type { Actor, AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import { notificationsErrors } from './errors.js';
import { PERSONAL_CHANNELS, type PersonalChannel, TOPIC_GROUPS } from './topics.js';

export type ChannelChoice = Record<PersonalChannel, boolean>;

const isChannel = (value: string): value is PersonalChannel =>
  (PERSONAL_CHANNELS as readonly string[]).includes(value);

/** Each person's choice of channels per topic group; what they never chose is the group's default. */
export class PreferenceStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  async get(userId: string) {
    const rows = await this.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    return TOPIC_GROUPS.map((group) => {
      const channels = { ...group.defaults };
      for (const row of rows) {
        if (row.topic_group === group.id && isChannel(row.channel))
          channels[row.channel] = Number(row.enabled) === 1;
      }
      return {
        id: group.id,
        title: group.title,
        description: group.description,
        channels,
        defaults: group.defaults,
      };
    });
  }

  /** The choices of many people for one group, in one query (a notice to a whole team). */
  async forGroup(userIds: string[], groupId: string): Promise<Map<string, ChannelChoice>> {
    const group = TOPIC_GROUPS.find((g) => g.id === groupId) ?? TOPIC_GROUPS[TOPIC_GROUPS.length - 1];
    const out = new Map(userIds.map((id) => [id, { ...group?.defaults } as ChannelChoice]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', 'in', userIds)
      .where('topic_group', '=', groupId)
      .execute();
    for (const row of rows) {
      const choice = out.get(row.user_id);
      if (choice && isChannel(row.channel)) choice[row.channel] = Number(row.enabled) === 1;
    }
    return out;
  }

  /** Applies changes `{ group: { channel: on } }`; the whole change is checked before anything is stored. */
  async set(actor: Actor, userId: string, changes: Record<string, Record<string, boolean>>) {
    const known = TOPIC_GROUPS.map((g) => g.id);
    const flat: { group: string; channel: PersonalChannel; enabled: boolean }[] = [];
    for (const [group, channels] of Object.entries(changes)) {
      if (!known.includes(group)) {
        throw notificationsErrors.NOTIFICATION_UNKNOWN_GROUP.create([group, known.join(', ')]);
      }
      for (const [channel, enabled] of Object.entries(channels)) {
        if (!isChannel(channel))
          throw notificationsErrors.NOTIFICATION_UNKNOWN_CHANNEL.create([group, channel]);
        flat.push({ group, channel, enabled });
      }
    }
    const at = new Date(this.now()).toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const change of flat) {
        await trx
          .insertInto('notification_preferences')
          .values({
            user_id: userId,
            topic_group: change.group,
            channel: change.channel,
            enabled: change.enabled ? 1 : 0,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .columns(['user_id', 'topic_group', 'channel'])
              .doUpdateSet({ enabled: change.enabled ? 1 : 0, updated_at: at }),
          )
          .execute();
      }
      if (flat.length > 0) {
        await this.audit.record(
          actor,
          { action: 'notifications.preferences.update', target: actor.username, details: { changes } },
          trx,
        );
      }
    });
    return this.get(userId);
  }
}
