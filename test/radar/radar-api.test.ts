import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { sectorOf } from '../../src/radar/layout.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { moveProposal } from './proposal-fixture.js';

const demoTechnologies = ['technologies.yaml', 'techniques.yaml'].flatMap((file) =>
  parseAllDocuments(readFileSync(new URL(`../../examples/platform/catalog/${file}`, import.meta.url), 'utf8'))
    .map((d) => d.toJS() as { kind: string; metadata: { name: string } })
    .filter((d) => d.kind === 'Technology')
    .map((d) => `technology:default/${d.metadata.name}`),
);

describe.each(testDatabases())('the radar and its proposals on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let ada: Caller;
  let bo: Caller;
  let outsider: Caller;

  beforeAll(async () => {
    t = await startTestServer({ database, config: { platformRepo: 'examples/platform' } });
    keeper = await bearer(t, t.adminUsername);
    const system = { userId: null, username: null, ip: null };
    await t.server.auth.teams.create(system, { name: 'climate', title: 'Climate' });
    await t.server.auth.teams.create(system, { name: 'protein', title: 'Protein' });
    await t.createUser({ username: 'ada', teams: ['climate'] });
    await t.createUser({ username: 'bo', teams: ['protein'] });
    await t.createUser({ username: 'cy' });
    ada = await bearer(t, 'ada');
    bo = await bearer(t, 'bo');
    outsider = await bearer(t, 'cy');
    expect((await call(t, keeper, 'POST', '/api/catalog/locations/platform/sync')).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  test('GET /api/radar places every demo technology exactly once, inside its sector', async () => {
    const response = await call(t, ada, 'GET', '/api/radar');
    expect(response.statusCode).toBe(200);
    const radar = response.json();
    expect(radar.quadrants.map((q: { id: string }) => q.id)).toEqual([
      'languages-frameworks',
      'tools',
      'platforms',
      'techniques',
    ]);
    expect(radar.rings.map((r: { id: string }) => r.id)).toEqual(['adopt', 'trial', 'assess', 'hold']);
    const refs = radar.blips.map((b: { ref: string }) => b.ref).sort();
    expect(refs).toEqual([...demoTechnologies].sort());
    expect(radar.notPlaced).toEqual([]);
    const numbers = radar.blips.map((b: { number: number }) => b.number);
    expect(numbers).toEqual(demoTechnologies.map((_, i) => i + 1));
    for (const blip of radar.blips) {
      const sector = sectorOf(
        radar.quadrants.findIndex((q: { id: string }) => q.id === blip.quadrant),
        4,
        blip.ring,
      );
      const r = Math.hypot(blip.x, blip.y);
      expect(r).toBeGreaterThan(sector.innerRadius);
      expect(r).toBeLessThan(sector.outerRadius);
    }
    const python = radar.blips.find((b: { name: string }) => b.name === 'python-3.13');
    expect(python).toMatchObject({
      title: 'Python 3.13',
      ring: 'trial',
      owner: 'group:default/keepers',
      homepage: 'https://www.python.org',
    });
    expect(python.history.at(-1)).toMatchObject({ date: '2026-03-23', ring: 'trial' });
    expect(python.source).toMatchObject({ location: 'platform', file: 'technologies.yaml' });
  });

  test('a proposal with missing evidence is refused field by field', async () => {
    const input = moveProposal('python-3.13', 'adopt');
    input.criteria.relevance.text = 'short';
    input.criteria.teamTesting.team = 'nobody';
    const response = await call(t, ada, 'POST', '/api/proposals', input);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().details.map((d: { field: string }) => d.field)).toEqual([
      'criteria.relevance.text',
      'criteria.teamTesting.team',
    ]);
    const same = await call(t, ada, 'POST', '/api/proposals', moveProposal('python-3.13', 'trial'));
    expect(same.json().details).toEqual([
      { field: 'targetRing', message: 'It is already in trial; choose another ring' },
    ]);
  });

  test('propose, comment, vote, be refused by the rule, then accept: the decision keeps the votes and a patch', async () => {
    const created = await call(t, ada, 'POST', '/api/proposals', moveProposal('python-3.13', 'adopt'));
    expect(created.statusCode, created.body).toBe(201);
    const proposal = created.json();
    expect(proposal).toMatchObject({
      kind: 'move',
      state: 'open',
      fromRing: 'trial',
      targetRing: 'adopt',
      proposer: 'ada',
    });
    const url = `/api/proposals/${proposal.number}`;

    const early = await call(t, keeper, 'POST', `${url}/decision`, {
      outcome: 'accepted',
      reason: 'looks fine',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'PROPOSAL_RULE_NOT_MET' });
    expect(early.json().message).toContain('0 of the 1 Keeper approval needed');

    expect((await call(t, outsider, 'POST', `${url}/comments`, { body: 'We use it too.' })).statusCode).toBe(
      201,
    );
    const notVoter = await call(t, outsider, 'POST', `${url}/votes`, { choice: 'approve' });
    expect(notVoter.json().code).toBe('PROPOSAL_NOT_A_VOTER');
    const noReason = await call(t, bo, 'POST', `${url}/votes`, { choice: 'object', blocking: true });
    expect(noReason.json().details[0].field).toBe('reason');
    const blocked = await call(t, bo, 'POST', `${url}/votes`, {
      choice: 'object',
      blocking: true,
      reason: 'Our ESMF build is not on 3.13 yet',
    });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json().votes[0]).toMatchObject({
      username: 'bo',
      capacity: 'team',
      team: 'protein',
      blocking: true,
    });
    expect((await call(t, keeper, 'POST', `${url}/votes`, { choice: 'approve' })).statusCode).toBe(200);

    const refused = await call(t, keeper, 'POST', `${url}/decision`, { outcome: 'accepted', reason: 'ok' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain(
      "blocked by Test bo (for protein)'s objection: “Our ESMF build is not on 3.13 yet”",
    );

    // The team takes its objection back: a later vote of the same team replaces the earlier one.
    await call(t, bo, 'POST', `${url}/votes`, { choice: 'abstain' });
    const accepted = await call(t, keeper, 'POST', `${url}/decision`, {
      outcome: 'accepted',
      reason: 'All templates run on it',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const decided = accepted.json();
    expect(decided.state).toBe('accepted');
    expect(decided.decision).toMatchObject({
      outcome: 'accepted',
      by: t.adminUsername,
      reason: 'All templates run on it',
    });
    expect(
      decided.decision.votes
        .map((v: { username: string; choice: string }) => `${v.username}:${v.choice}`)
        .sort(),
    ).toEqual(['admin:approve', 'bo:abstain']);
    // examples/platform sits inside another repository: it is a plain folder, so only a patch is offered.
    expect(decided.change).toMatchObject({
      status: 'patch',
      branch: null,
      file: 'catalog/technologies.yaml',
    });
    const patch = await call(t, ada, 'GET', `${url}/patch`);
    expect(patch.statusCode).toBe(200);
    expect(patch.headers['content-type']).toContain('text/x-patch');
    expect(patch.body).toContain('-  ring: trial\n+  ring: adopt');
    expect(patch.body).toContain('Subject: [PATCH] Radar: Move Python 3.13 to Adopt (proposal #');

    // Keepers heard of the new proposal; the proposer of the votes and of the decision.
    const topics = async (caller: Caller) =>
      (await call(t, caller, 'GET', '/api/notifications?limit=50'))
        .json()
        .items.map((n: { topic: string }) => n.topic);
    expect(await topics(keeper)).toContain('radar.proposal');
    expect(await topics(ada)).toEqual(
      expect.arrayContaining(['radar.comment', 'radar.vote', 'radar.decision']),
    );
    expect(await topics(bo)).toContain('radar.decision');

    const late = await call(t, bo, 'POST', `${url}/votes`, { choice: 'approve' });
    expect(late.json().code).toBe('PROPOSAL_NOT_OPEN');
    const audit = (await call(t, keeper, 'GET', '/api/audit?action=radar.proposal.*&limit=50')).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    for (const action of [
      'radar.proposal.create',
      'radar.proposal.comment',
      'radar.proposal.vote',
      'radar.proposal.accept',
      'radar.proposal.change',
    ]) {
      expect(actions).toContain(action);
    }
  });

  test('only the proposer withdraws; a rejected proposal offers no patch', async () => {
    const first = (await call(t, ada, 'POST', '/api/proposals', moveProposal('python-3.13', 'hold'))).json();
    const notMine = await call(t, bo, 'POST', `/api/proposals/${first.id}/withdraw`);
    expect(notMine.json().code).toBe('PROPOSAL_NOT_PROPOSER');
    const withdrawn = await call(t, ada, 'POST', `/api/proposals/${first.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({
      state: 'withdrawn',
      decision: { outcome: 'withdrawn', by: 'ada' },
    });

    const second = (
      await call(t, ada, 'POST', '/api/proposals', moveProposal('python-3.13', 'assess'))
    ).json();
    const rejected = await call(t, keeper, 'POST', `/api/proposals/${second.number}/decision`, {
      outcome: 'rejected',
      reason: 'Too early to step back',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', change: null });
    const patch = await call(t, ada, 'GET', `/api/proposals/${second.number}/patch`);
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('PROPOSAL_NO_PATCH');
    const list = (await call(t, ada, 'GET', '/api/proposals?state=rejected')).json();
    expect(list.items.map((p: { number: number }) => p.number)).toEqual([second.number]);
  });

  test('proposals are found by the one search', async () => {
    await t.server.search.index.refresh('radar');
    const results = (await call(t, ada, 'GET', '/api/search?q=python%203.13&type=proposal')).json();
    expect(results.items.length).toBeGreaterThan(0);
    expect(results.items[0]).toMatchObject({
      type: 'proposal',
      url: expect.stringMatching(/^\/radar\/proposals\/\d+$/),
    });
    expect(results.items[0].title).toContain('Python 3.13');
  });
});
