import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import type { Actor, AuditLog } from './audit-log.js';
import { authErrors } from './errors.js';
import type { Team, TeamDetail } from './schemas.js';
import type { TeamsTable } from './tables.js';
import { TeamStore } from './team-store.js';
import type { UserStore } from './user-store.js';

/** The rules for teams and who belongs to them. */
export class TeamService {
  constructor(
    private readonly db: Db,
    private readonly teams: TeamStore,
    private readonly users: UserStore,
    private readonly audit: AuditLog,
  ) {}

  async list(cursor: string | undefined, limit: number) {
    const rows = await this.teams.list(decodeCursor(cursor), limit);
    return toPage(
      rows,
      limit,
      (r) => r.name,
      (r) => TeamStore.toApi(r),
    );
  }

  async get(name: string): Promise<TeamDetail> {
    return this.teams.detail(await this.requireTeam(name));
  }

  private async requireTeam(name: string, db: Db = this.db): Promise<TeamsTable> {
    const row = await this.teams.findByName(name, db);
    if (!row) throw authErrors.AUTH_TEAM_NOT_FOUND.create([name]);
    return row;
  }

  async create(actor: Actor, input: { name: string; title: string; description?: string }): Promise<Team> {
    const now = nowIso();
    const row: TeamsTable = {
      id: newId(),
      name: input.name,
      title: input.title,
      description: input.description ?? '',
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.teams.findByName(input.name, trx))
        throw authErrors.AUTH_TEAM_EXISTS.create([input.name]);
      await this.teams.insert(row, trx);
      await this.audit.record(
        actor,
        { action: 'team.create', target: row.name, details: { title: row.title } },
        trx,
      );
    });
    return TeamStore.toApi({ ...row, member_count: 0 });
  }

  async update(actor: Actor, name: string, changes: { title?: string; description?: string }): Promise<Team> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.requireTeam(name, trx);
      await this.teams.update(row.id, { ...changes, updated_at: nowIso() }, trx);
      await this.audit.record(actor, { action: 'team.update', target: name, details: { changes } }, trx);
    });
    const { members: _members, ...team } = await this.get(name);
    return team;
  }

  async delete(actor: Actor, name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.requireTeam(name, trx);
      await this.teams.delete(row.id, trx);
      await this.audit.record(actor, { action: 'team.delete', target: name }, trx);
    });
  }

  /** Adds a member; adding someone already in the team changes nothing and records nothing. */
  async addMember(actor: Actor, name: string, username: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const team = await this.requireTeam(name, trx);
      const user = await this.users.findByUsername(username, trx);
      if (!user) throw authErrors.AUTH_USER_NOT_FOUND.create([username]);
      if (await this.teams.addMember(team.id, user.id, nowIso(), trx)) {
        await this.audit.record(
          actor,
          { action: 'team.member.add', target: name, details: { username } },
          trx,
        );
      }
    });
  }

  async removeMember(actor: Actor, name: string, username: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const team = await this.requireTeam(name, trx);
      const user = await this.users.findByUsername(username, trx);
      if (!user) throw authErrors.AUTH_USER_NOT_FOUND.create([username]);
      if (await this.teams.removeMember(team.id, user.id, trx)) {
        await this.audit.record(
          actor,
          { action: 'team.member.remove', target: name, details: { username } },
          trx,
        );
      }
    });
  }
}
