import type { TestServer } from '../helpers/server.js';
import { moveProposal } from '../radar/proposal-fixture.js';

interface Fixture {
  username: string | null;
  unique(prefix: string): string;
}

const system = { userId: null, username: null, ip: null };

/** An open proposal of the caller (of a fresh member for anonymous callers, who get 401 anyway) for a new technology. */
export async function radarProposal(t: TestServer, f: Fixture): Promise<number> {
  const team = f.unique('radar-team');
  await t.server.auth.teams.create(system, { name: team, title: 'Radar team' });
  const owner = f.username ?? (await t.createUser({ username: f.unique('proposer') })).username;
  const user = await t.server.auth.userStore.findByUsername(owner);
  if (!user) throw new Error(`no user ${owner}`);
  const name = f.unique('tech');
  const base = moveProposal(name, 'trial');
  const created = await t.server.radar.proposals.create(
    { user, role: user.role as 'keeper' | 'member', method: 'token' },
    { userId: user.id, username: owner, ip: null },
    {
      ...base,
      kind: 'new',
      technology: undefined,
      name,
      title: 'Matrix technology',
      quadrant: 'tools',
      description: 'A technology made up for the authorization matrix.',
      owner: team,
      criteria: { ...base.criteria, teamTesting: { ...base.criteria.teamTesting, team } },
    },
  );
  return created.number;
}
