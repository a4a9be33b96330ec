import { randomInt } from 'node:crypto';
import type { Actor, AuditLog, Principal } from '../../auth/index.js';
import { decodeCursor, toPage } from '../../core/cursor.js';
import { newId, nowIso } from '../../core/time.js';
import { computeErrors, invalidSpec } from '../compute-errors.js';
import type { JobService } from '../job-service.js';
import type { JobSpec } from '../job-spec.js';
import type { SweepsTable } from '../tables.js';
import { trialBudget } from './search.js';
import { gridSize, MAX_GRID_POINTS } from './space.js';
import { checkSweepSpec, type SweepSpec } from './sweep-spec.js';
import type { SweepStore } from './sweep-store.js';
import { toSweep, toTrial } from './sweep-view.js';

type TeamsOf = (userId: string) => Promise<string[]>;

/** The rules of sweeps: who may start, see and stop which; the running is the controller's. */
export class SweepService {
  constructor(
    private readonly store: SweepStore,
    private readonly jobs: JobService,
    private readonly audit: AuditLog,
    private readonly teamsOf: TeamsOf,
    /** Called when a sweep starts or is asked to stop, so that the controller acts now. */
    private readonly kick: () => void,
  ) {}

  /** The job of trial `number`, as submitted (parameters not yet filled in). */
  static trialJob(spec: SweepSpec, number: number): JobSpec {
    const suffix = `-t${number}`;
    return {
      ...spec.job,
      name: `${spec.name.slice(0, 100 - suffix.length)}${suffix}`,
      ...(spec.executor ? { executor: spec.executor } : {}),
      ...(spec.team ? { team: spec.team } : {}),
    } as JobSpec;
  }

  async create(principal: Principal, actor: Actor, spec: SweepSpec) {
    const problems = checkSweepSpec(spec);
    if (problems.length > 0) throw invalidSpec(problems[0] as string);
    if (spec.algorithm === 'grid' && gridSize(spec.parameters) > MAX_GRID_POINTS) {
      throw invalidSpec(
        `parameters: the grid has more than ${MAX_GRID_POINTS.toLocaleString('en-US')} points; give fewer steps`,
      );
    }
    // The trials' job must be one the owner may submit: checked once here, not failing 40 times later.
    const sample = SweepService.trialJob(spec, 0);
    try {
      await this.jobs.preflight(principal, sample);
    } catch (error) {
      const details = (error as { details?: { field: string; message: string }[] }).details;
      if (details?.[0]) throw invalidSpec(`job.${details[0].field}: ${details[0].message}`, error);
      throw error;
    }
    const teams = await this.teamsOf(principal.user.id);
    const now = nowIso();
    const row: SweepsTable = {
      id: newId(),
      name: spec.name,
      owner_id: principal.user.id,
      owner: principal.user.username,
      team: spec.team ?? spec.job.team ?? teams[0] ?? null,
      spec: JSON.stringify(spec),
      seed: spec.seed ?? randomInt(0, 2 ** 31 - 1),
      state: 'running',
      reason: null,
      trial_count: 0,
      best_trial: null,
      best_value: null,
      created_at: now,
      updated_at: now,
      ended_at: null,
    };
    await this.store.transaction(async (store, trx) => {
      await store.insert(row);
      await this.audit.record(
        actor,
        {
          action: 'sweep.create',
          target: row.id,
          details: { name: spec.name, algorithm: spec.algorithm, maxTrials: trialBudget(spec) },
        },
        trx,
      );
    });
    this.kick();
    return toSweep(row);
  }

  /** The sweep, if `principal` may see it: their own, their team's, or any for a Keeper. */
  private async visible(principal: Principal, id: string) {
    const row = await this.store.get(id);
    const teams = row?.team ? await this.teamsOf(principal.user.id) : [];
    const allowed =
      row &&
      (principal.role === 'keeper' ||
        row.owner_id === principal.user.id ||
        (row.team !== null && teams.includes(row.team)));
    if (!allowed) throw computeErrors.COMPUTE_SWEEP_NOT_FOUND.create([id]);
    return row;
  }

  async get(principal: Principal, id: string) {
    const row = await this.visible(principal, id);
    const trials = await this.store.trials(id);
    return { ...toSweep(row), trials: trials.map(toTrial) };
  }

  async list(
    principal: Principal,
    query: { scope?: 'mine' | 'team' | 'all'; state?: string; cursor?: string; limit?: number },
  ) {
    const limit = query.limit ?? 50;
    const scope = query.scope ?? 'mine';
    const seeAll = scope === 'all' && principal.role === 'keeper';
    const teams = await this.teamsOf(principal.user.id);
    const rows = await this.store.list({
      ownerId: seeAll || scope === 'team' ? undefined : principal.user.id,
      teams: seeAll ? undefined : scope === 'mine' ? undefined : teams,
      state: query.state,
      before: decodeCursor(query.cursor),
      limit,
    });
    return toPage(rows, limit, (r) => r.id, toSweep);
  }

  /** Stops a sweep: no new trial starts, running ones are cancelled; finished trials are kept. */
  async stop(principal: Principal, actor: Actor, id: string) {
    const row = await this.visible(principal, id);
    if (row.state !== 'running') throw computeErrors.COMPUTE_SWEEP_ENDED.create([id, row.state]);
    const now = nowIso();
    await this.store.transaction(async (store, trx) => {
      await store.update(id, {
        state: 'stopping',
        reason: `stopped by ${principal.user.username}`,
        updated_at: now,
      });
      await this.audit.record(actor, { action: 'sweep.stop', target: id, details: { name: row.name } }, trx);
    });
    this.kick();
    return toSweep({
      ...row,
      state: 'stopping',
      reason: `stopped by ${principal.user.username}`,
      updated_at: now,
    });
  }
}
