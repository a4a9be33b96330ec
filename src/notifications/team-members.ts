import type { Db } from '../core/db/database.js';

/** User ids of the active members of each named team (teams without members are left out). */
export async function teamMemberIds(db: Db, teams: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (teams.length === 0) return out;
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['teams.name as team', 'users.id as userId'])
    .where('teams.name', 'in', teams)
    .where('users.disabled', '=', 0)
    .execute();
  for (const row of rows) out.set(row.team, [...(out.get(row.team) ?? []), row.userId]);
  return out;
}
