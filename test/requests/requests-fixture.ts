import { bearer, type Caller, call } from '../helpers/client.js';
import type { TestServer } from '../helpers/server.js';

/** Two teams, a member in each, a member of both, and two Keepers, each with a bearer token. */
export async function requestPeople(t: TestServer) {
  const system = { userId: null, username: null, ip: null };
  await t.server.auth.teams.create(system, { name: 'optics', title: 'Optics' });
  await t.server.auth.teams.create(system, { name: 'genomics', title: 'Genomics' });
  await t.createUser({ username: 'alice', teams: ['optics'] });
  await t.createUser({ username: 'olga', teams: ['optics'] });
  await t.createUser({ username: 'gustav', teams: ['genomics'] });
  await t.createUser({ username: 'both', teams: ['optics', 'genomics'] });
  await t.createUser({ username: 'kim', role: 'keeper' });
  await t.createUser({ username: 'kai', role: 'keeper' });
  const callers = {
    alice: await bearer(t, 'alice'),
    olga: await bearer(t, 'olga'),
    gustav: await bearer(t, 'gustav'),
    both: await bearer(t, 'both'),
    kim: await bearer(t, 'kim'),
    kai: await bearer(t, 'kai'),
  };
  return callers;
}

/** The notifications `caller` sees in their own inbox, through the real API. */
export async function inbox(t: TestServer, caller: Caller) {
  const response = await call(t, caller, 'GET', '/api/notifications?limit=100');
  if (response.statusCode !== 200) throw new Error(`inbox: ${response.body}`);
  return response.json().items as { topic: string; title: string; body: string; link: string | null }[];
}

export async function fileRequest(t: TestServer, caller: Caller, body: Record<string, unknown> = {}) {
  const response = await call(t, caller, 'POST', '/api/requests', {
    title: 'Cannot reach the GPU partition',
    description: 'Jobs stay **pending**.',
    category: 'access',
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(`file: ${response.body}`);
  return response.json() as { id: string; number: number; state: string; [key: string]: unknown };
}
