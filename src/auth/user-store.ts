import type { Db } from '../core/db/database.js';
import type { Role, User } from './schemas.js';
import type { UsersTable } from './tables.js';

export interface UserFilter {
  q?: string;
  role?: Role;
  team?: string;
  after?: string;
  limit: number;
}

/** Users and their team memberships: queries only, no rules. */
export class UserStore {
  constructor(private readonly db: Db) {}

  findByUsername(username: string, db: Db = this.db) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async countActiveKeepers(db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'keeper')
      .where('disabled', '=', 0)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  list(filter: UserFilter) {
    let query = this.db.selectFrom('users').selectAll('users');
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([eb('username', 'like', like), eb(eb.fn('lower', ['display_name']), 'like', like)]),
      );
    }
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.team) {
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('team_members')
          .innerJoin('teams', 'teams.id', 'team_members.team_id')
          .select('team_members.user_id')
          .where('teams.name', '=', filter.team as string),
      );
    }
    if (filter.after) query = query.where('username', '>', filter.after);
    return query
      .orderBy('username')
      .limit(filter.limit + 1)
      .execute();
  }

  insert(row: UsersTable, db: Db = this.db) {
    return db.insertInto('users').values(row).execute();
  }

  update(id: string, changes: Partial<UsersTable>, db: Db = this.db) {
    return db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  /** Teams of many users in one query, keyed by user id. */
  async teamsOf(userIds: string[]): Promise<Map<string, { name: string; title: string }[]>> {
    const out = new Map<string, { name: string; title: string }[]>();
    if (userIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.user_id', 'teams.name', 'teams.title'])
      .where('team_members.user_id', 'in', userIds)
      .orderBy('teams.name')
      .execute();
    for (const row of rows) {
      const list = out.get(row.user_id) ?? [];
      list.push({ name: row.name, title: row.title });
      out.set(row.user_id, list);
    }
    return out;
  }

  async toApiOne(row: UsersTable): Promise<User> {
    const [user] = await this.toApi([row]);
    return user as User;
  }

  /** The API shape of users, with their teams. */
  async toApi(rows: UsersTable[]): Promise<User[]> {
    const teams = await this.teamsOf(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      role: row.role as Role,
      disabled: row.disabled === 1,
      mustChangePassword: row.must_change_password === 1,
      teams: teams.get(row.id) ?? [],
      createdAt: row.created_at,
      lastLoginAt: row.last_login_at,
    }));
  }
}
