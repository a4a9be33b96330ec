import type { Actor, AuditLog, Principal } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import { coreErrors } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { newId } from '../core/time.js';
import type { Notice, Notifier } from '../notifications/notifier.js';
import type { RadarConfig } from './config-schema.js';
import { checkRule } from './decision-rule.js';
import { radarErrors } from './errors.js';
import { type PlatformTarget, writeAcceptedChange } from './proposal-change.js';
import { proposalProblems } from './proposal-rules.js';
import type { ProposalStore } from './proposal-store.js';
import { proposalPhrase, toDetail, toSummary, toVote } from './proposal-view.js';
import type { Change, Decision, ProposalInput, VoteInput } from './schemas.js';
import type { RadarProposalsTable } from './tables.js';
import type { TechnologyStore } from './technology-store.js';

/** What the radar needs to know about people, from the auth domain. */
export interface People {
  teamsOf: (userId: string) => Promise<string[]>;
  teamExists: (name: string) => Promise<boolean>;
  keeperIds: () => Promise<string[]>;
  email: (userId: string) => Promise<string | null>;
}

export interface ProposalServiceOptions {
  db: Db;
  store: ProposalStore;
  technologies: TechnologyStore;
  audit: AuditLog;
  logger: Logger;
  notifier: Notifier;
  people: People;
  config: RadarConfig;
  target: PlatformTarget;
  now: () => number;
  /** Called after every change to proposals (the search index refreshes). */
  onChange?: () => void;
}

const iso = (ms: number) => new Date(ms).toISOString();
const linkOf = (row: RadarProposalsTable) => `/radar/proposals/${row.number}`;

/** The acceptance procedure: proposals, comments, votes, the decision and the change it produces. */
export class ProposalService {
  constructor(private readonly o: ProposalServiceOptions) {}

  private async load(key: string): Promise<RadarProposalsTable> {
    const row = await this.o.store.find(key);
    if (!row) throw radarErrors.PROPOSAL_NOT_FOUND.create([key]);
    return row;
  }

  private requireOpen(row: RadarProposalsTable) {
    if (row.state !== 'open') throw radarErrors.PROPOSAL_NOT_OPEN.create([Number(row.number), row.state]);
  }

  /** Teams this person may vote for: teams that name them in radar.representatives, and their own teams that name nobody. */
  async representativeTeams(principal: Principal): Promise<string[]> {
    const reps = this.o.config.representatives;
    const username = principal.user.username;
    const own = (await this.o.people.teamsOf(principal.user.id)).filter(
      (team) => !Object.hasOwn(reps, team) || reps[team]?.includes(username),
    );
    const named = Object.entries(reps)
      .filter(([, users]) => users.includes(username))
      .map(([team]) => team);
    return [...new Set([...own, ...named])].sort();
  }

  private async notify(notice: Notice) {
    if (notice.recipients.length === 0) return;
    try {
      await this.o.notifier.notify(notice);
    } catch (error) {
      // A notice that cannot be sent must not undo the vote or decision that caused it.
      this.o.logger.warn({ err: error, topic: notice.topic }, 'Radar: a notice could not be sent');
    }
  }

  private changed() {
    this.o.onChange?.();
  }

  async create(principal: Principal, actor: Actor, input: ProposalInput) {
    const technology =
      input.kind === 'move' && input.technology ? await this.o.technologies.find(input.technology) : null;
    const teams = new Set<string>();
    for (const team of [input.owner, input.criteria.teamTesting.team]) {
      if (team && (await this.o.people.teamExists(team))) teams.add(team);
    }
    const problems = proposalProblems(input, {
      quadrants: this.o.config.quadrants.map((q) => q.id),
      currentRing: technology?.ring ?? null,
      nameTaken:
        input.kind === 'new' && Boolean(input.name) && (await this.o.technologies.exists(input.name ?? '')),
      teamExists: (name) => teams.has(name),
    });
    if (problems.length > 0) {
      const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      throw coreErrors.VALIDATION_FAILED.create([summary], { details: problems });
    }
    const at = iso(this.o.now());
    const name = technology ? (technology.ref.split('/').pop() ?? '') : (input.name ?? '');
    const row = await this.o.db.transaction().execute(async (trx) => {
      const inserted = await this.o.store.insert(
        {
          id: newId(),
          kind: input.kind,
          technology_ref: technology?.ref ?? `technology:default/${name}`,
          name,
          title: technology?.title ?? input.title?.trim() ?? name,
          quadrant: technology?.quadrant ?? input.quadrant ?? '',
          from_ring: technology?.ring ?? null,
          target_ring: input.targetRing,
          input: JSON.stringify(input),
          state: 'open',
          proposer_id: principal.user.id,
          proposer: principal.user.username,
          created_at: at,
          updated_at: at,
          decision: null,
          change: null,
          patch: null,
        },
        trx,
      );
      await this.o.audit.record(
        actor,
        {
          action: 'radar.proposal.create',
          target: `proposal:${inserted.number}`,
          details: { kind: input.kind, technology: inserted.technology_ref, targetRing: input.targetRing },
        },
        trx,
      );
      return inserted;
    });
    await this.notify({
      recipients: await this.o.people.keeperIds(),
      topic: 'radar.proposal',
      title: `New radar proposal #${row.number}: ${proposalPhrase(row)}`,
      body: `${principal.user.display_name} proposes: ${input.summary.trim()}\nVote and decide in the portal.`,
      link: linkOf(row),
      actorId: principal.user.id,
    });
    this.changed();
    return this.detail(principal, row);
  }

  async list(
    principal: Principal,
    query: { state?: string; technology?: string; mine?: boolean; cursor?: string; limit?: number },
  ) {
    const limit = query.limit ?? 50;
    const technologyRef = query.technology
      ? query.technology.includes(':')
        ? query.technology.toLowerCase()
        : `technology:default/${query.technology.toLowerCase()}`
      : undefined;
    const before = query.cursor && /^\d+$/.test(query.cursor) ? Number(query.cursor) : undefined;
    const rows = await this.o.store.list({
      state: query.state,
      technologyRef,
      proposerId: query.mine ? principal.user.id : undefined,
      before,
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toSummary),
      nextCursor: rows.length > limit && last ? String(last.number) : null,
    };
  }

  async get(principal: Principal, key: string) {
    return this.detail(principal, await this.load(key));
  }

  private async detail(principal: Principal, row: RadarProposalsTable) {
    const [votes, comments, teams] = await Promise.all([
      this.o.store.votes(row.id),
      this.o.store.comments(row.id),
      this.representativeTeams(principal),
    ]);
    const open = row.state === 'open';
    const keeper = principal.role === 'keeper';
    const voteAs = [...(keeper ? ['keeper'] : []), ...teams];
    const rule = checkRule(this.o.config.decisionRule, this.o.config.minKeeperVotes, votes.map(toVote));
    return toDetail(row, votes, comments, rule, {
      vote: open && voteAs.length > 0,
      voteAs,
      decide: open && keeper,
      withdraw: open && row.proposer_id === principal.user.id,
      comment: open,
    });
  }

  async comment(principal: Principal, actor: Actor, key: string, body: string) {
    const row = await this.load(key);
    this.requireOpen(row);
    const at = iso(this.o.now());
    await this.o.db.transaction().execute(async (trx) => {
      await this.o.store.addComment(
        {
          id: newId(),
          proposal_id: row.id,
          author_id: principal.user.id,
          author: principal.user.username,
          author_name: principal.user.display_name,
          body,
          at,
        },
        trx,
      );
      await this.o.store.update(row.id, { updated_at: at }, trx);
      await this.o.audit.record(
        actor,
        { action: 'radar.proposal.comment', target: `proposal:${row.number}` },
        trx,
      );
    });
    await this.notify({
      recipients: [row.proposer_id],
      topic: 'radar.comment',
      personal: true,
      title: `${principal.user.display_name} commented on your radar proposal #${row.number}`,
      body: body.slice(0, 500),
      link: linkOf(row),
      actorId: principal.user.id,
    });
    this.changed();
    return this.detail(principal, { ...row, updated_at: at });
  }

  /** Who the vote counts as: the team named, else the Keeper, else the voter's only team. */
  private async capacityOf(principal: Principal, team: string | undefined) {
    const teams = await this.representativeTeams(principal);
    if (team) {
      if (teams.includes(team)) return { capacity: 'team' as const, team };
      throw radarErrors.PROPOSAL_NOT_A_VOTER.create([
        `You do not represent team '${team}' on the radar; you may vote for: ${teams.join(', ') || 'no team'}`,
      ]);
    }
    if (principal.role === 'keeper') return { capacity: 'keeper' as const, team: null };
    if (teams.length === 1) return { capacity: 'team' as const, team: teams[0] as string };
    throw radarErrors.PROPOSAL_NOT_A_VOTER.create([
      teams.length === 0
        ? 'Only Keepers and team representatives vote; you may comment instead'
        : `You represent several teams (${teams.join(', ')}): say which one you vote for in 'team'`,
    ]);
  }

  async vote(principal: Principal, actor: Actor, key: string, input: VoteInput) {
    const row = await this.load(key);
    this.requireOpen(row);
    const blocking = input.choice === 'object' && input.blocking === true;
    const reason = (input.reason ?? '').trim();
    if (blocking && reason.length < 10) {
      const message = 'A blocking objection needs a reason of at least 10 characters: say what would lift it';
      throw coreErrors.VALIDATION_FAILED.create([`reason: ${message}`], {
        details: [{ field: 'reason', message }],
      });
    }
    const { capacity, team } = await this.capacityOf(principal, input.team);
    const at = iso(this.o.now());
    await this.o.db.transaction().execute(async (trx) => {
      await this.o.store.putVote(
        {
          proposal_id: row.id,
          voter_key: capacity === 'keeper' ? `keeper:${principal.user.id}` : `team:${team}`,
          user_id: principal.user.id,
          username: principal.user.username,
          display_name: principal.user.display_name,
          capacity,
          team,
          choice: input.choice,
          blocking: blocking ? 1 : 0,
          reason,
          at,
        },
        trx,
      );
      await this.o.store.update(row.id, { updated_at: at }, trx);
      await this.o.audit.record(
        actor,
        {
          action: 'radar.proposal.vote',
          target: `proposal:${row.number}`,
          details: { choice: input.choice, blocking, capacity, team },
        },
        trx,
      );
    });
    const as = capacity === 'team' ? ` for ${team}` : '';
    await this.notify({
      recipients: [row.proposer_id],
      topic: 'radar.vote',
      personal: true,
      title: `${principal.user.display_name}${as} voted ${input.choice}${blocking ? ' (blocking)' : ''} on your radar proposal #${row.number}`,
      body: reason || proposalPhrase(row),
      link: linkOf(row),
      actorId: principal.user.id,
    });
    this.changed();
    return this.detail(principal, { ...row, updated_at: at });
  }

  async withdraw(principal: Principal, actor: Actor, key: string) {
    const row = await this.load(key);
    this.requireOpen(row);
    if (row.proposer_id !== principal.user.id) {
      throw radarErrors.PROPOSAL_NOT_PROPOSER.create([row.proposer, Number(row.number)]);
    }
    const at = iso(this.o.now());
    const votes = (await this.o.store.votes(row.id)).map(toVote);
    const decision: Decision = {
      outcome: 'withdrawn',
      by: principal.user.username,
      byName: principal.user.display_name,
      at,
      reason: 'Withdrawn by the proposer',
      votes,
      rule: null,
    };
    await this.close(
      row,
      actor,
      { state: 'withdrawn', updated_at: at, decision: JSON.stringify(decision) },
      'radar.proposal.withdraw',
    );
    this.changed();
    return this.get(principal, row.id);
  }

  private async close(
    row: RadarProposalsTable,
    actor: Actor,
    changes: Partial<RadarProposalsTable>,
    action: string,
  ) {
    await this.o.db.transaction().execute(async (trx) => {
      if (!(await this.o.store.close(row.id, changes, trx))) {
        const now = await this.o.store.find(row.id, trx);
        throw radarErrors.PROPOSAL_NOT_OPEN.create([Number(row.number), now?.state ?? 'closed']);
      }
      await this.o.audit.record(
        actor,
        { action, target: `proposal:${row.number}`, details: { state: changes.state } },
        trx,
      );
    });
  }

  async decide(
    principal: Principal,
    actor: Actor,
    key: string,
    input: { outcome: 'accepted' | 'rejected'; reason: string },
  ) {
    const row = await this.load(key);
    this.requireOpen(row);
    const votes = (await this.o.store.votes(row.id)).map(toVote);
    const rule = checkRule(this.o.config.decisionRule, this.o.config.minKeeperVotes, votes);
    if (input.outcome === 'accepted' && !rule.met) {
      throw radarErrors.PROPOSAL_RULE_NOT_MET.create([Number(row.number), rule.reasons.join('; ')], {
        details: { rule },
      });
    }
    const nowMs = this.o.now();
    const decision: Decision = {
      outcome: input.outcome,
      by: principal.user.username,
      byName: principal.user.display_name,
      at: iso(nowMs),
      reason: input.reason.trim(),
      votes,
      rule,
    };
    await this.close(
      row,
      actor,
      { state: input.outcome, updated_at: decision.at, decision: JSON.stringify(decision) },
      `radar.proposal.${input.outcome === 'accepted' ? 'accept' : 'reject'}`,
    );
    if (input.outcome === 'accepted') await this.recordChange(principal, actor, row, nowMs, decision.reason);
    const voters = (await this.o.store.votes(row.id)).map((v) => v.user_id);
    await this.notify({
      recipients: [...new Set([row.proposer_id, ...voters])],
      topic: 'radar.decision',
      personal: true,
      title: `Radar proposal #${row.number} was ${input.outcome}: ${proposalPhrase(row)}`,
      body: `${principal.user.display_name}: ${decision.reason}`,
      link: linkOf(row),
      actorId: principal.user.id,
    });
    this.changed();
    return this.get(principal, row.id);
  }

  /** The accepted change, written as a branch or a patch; a failure is recorded, the decision stands. */
  private async recordChange(
    principal: Principal,
    actor: Actor,
    row: RadarProposalsTable,
    at: number,
    reason: string,
  ) {
    const technology = row.kind === 'move' ? await this.o.technologies.find(row.technology_ref) : null;
    const author = {
      name: principal.user.display_name,
      email:
        (await this.o.people.email(principal.user.id)) ?? `${principal.user.username}@users.plinth.invalid`,
    };
    let change: Change;
    let patch: string | null = null;
    try {
      const written = await writeAcceptedChange(this.o.target, row, technology, { author, at, reason });
      const result = written.result;
      patch = result?.patch ?? null;
      change = result
        ? {
            status: result.status,
            file: written.file,
            branch: result.branch,
            commit: result.commit,
            pushed: result.pushed,
            message: result.message,
          }
        : {
            status: 'failed',
            file: written.file,
            branch: null,
            commit: null,
            pushed: false,
            message: written.failure ?? 'No change was written',
          };
    } catch (error) {
      this.o.logger.warn(
        { err: error, proposal: row.number },
        'Radar: the accepted change could not be written',
      );
      change = {
        status: 'failed',
        file: null,
        branch: null,
        commit: null,
        pushed: false,
        message: (error as Error).message,
      };
    }
    await this.o.store.update(row.id, { change: JSON.stringify(change), patch });
    await this.o.audit.record(actor, {
      action: 'radar.proposal.change',
      target: `proposal:${row.number}`,
      details: { status: change.status, branch: change.branch, commit: change.commit, pushed: change.pushed },
    });
  }

  async patch(key: string): Promise<{ number: number; name: string; text: string }> {
    const row = await this.load(key);
    if (!row.patch) {
      const why =
        row.state !== 'accepted'
          ? `it is ${row.state}, and only accepted proposals change the repo`
          : ((JSON.parse(row.change ?? '{}') as Partial<Change>).message ?? 'no change was written');
      throw radarErrors.PROPOSAL_NO_PATCH.create([Number(row.number), why]);
    }
    return { number: Number(row.number), name: row.name, text: row.patch };
  }
}
