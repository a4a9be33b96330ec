import type { Db } from '../core/db/database.js';
import type { Role, Team, TeamDetail } from './schemas.js';
import type { TeamsTable } from './tables.js';

/** Teams and memberships: queries only, no rules. */
export class TeamStore {
  constructor(private readonly db: Db) {}

  findByName(name: string, db: Db = this.db) {
    return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
  }

  findManyByName(names: string[], db: Db = this.db) {
    if (names.length === 0) return Promise.resolve([]);
    return db.selectFrom('teams').selectAll().where('name', 'in', names).execute();
  }

  list(after: string | undefined, limit: number) {
    let query = this.db
      .selectFrom('teams')
      .leftJoin('team_members', 'team_members.team_id', 'teams.id')
      .select([
        'teams.id',
        'teams.name',
        'teams.title',
        'teams.description',
        'teams.created_at',
        'teams.updated_at',
      ])
      .select((eb) => eb.fn.count<number>('team_members.user_id').as('member_count'))
      .groupBy([
        'teams.id',
        'teams.name',
        'teams.title',
        'teams.description',
        'teams.created_at',
        'teams.updated_at',
      ]);
    if (after) query = query.where('teams.name', '>', after);
    return query
      .orderBy('teams.name')
      .limit(limit + 1)
      .execute();
  }

  insert(row: TeamsTable, db: Db = this.db) {
    return db.insertInto('teams').values(row).execute();
  }

  update(id: string, changes: Partial<TeamsTable>, db: Db = this.db) {
    return db.updateTable('teams').set(changes).where('id', '=', id).execute();
  }

  delete(id: string, db: Db = this.db) {
    return db.deleteFrom('teams').where('id', '=', id).execute();
  }

  members(teamId: string) {
    return this.db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select(['users.username', 'users.display_name', 'users.role'])
      .where('team_members.team_id', '=', teamId)
      .orderBy('users.username')
      .execute();
  }

  /** Adds a membership; returns false when it already existed. */
  async addMember(teamId: string, userId: string, at: string, db: Db = this.db): Promise<boolean> {
    const result = await db
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: userId, added_at: at })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async removeMember(teamId: string, userId: string, db: Db = this.db): Promise<boolean> {
    const result = await db
      .deleteFrom('team_members')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  static toApi(row: TeamsTable & { member_count?: number | string | bigint | null }): Team {
    return {
      name: row.name,
      title: row.title,
      description: row.description,
      memberCount: Number(row.member_count ?? 0),
      createdAt: row.created_at,
    };
  }

  async detail(row: TeamsTable): Promise<TeamDetail> {
    const members = await this.members(row.id);
    return {
      ...TeamStore.toApi({ ...row, member_count: members.length }),
      members: members.map((m) => ({
        username: m.username,
        displayName: m.display_name,
        role: m.role as Role,
      })),
    };
  }
}
