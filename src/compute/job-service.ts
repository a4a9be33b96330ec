import { join } from 'node:path';
import type { Actor, AuditLog, Principal } from '../auth/index.js';
import { decodeCursor, toPage } from '../core/cursor.js';
import { newId, nowIso } from '../core/time.js';
import { arrayIndices } from './array-range.js';
import { computeErrors, invalidSpec } from './compute-errors.js';
import type { Executor } from './extension.js';
import type { JobSpec } from './job-spec.js';
import type { JobStore } from './job-store.js';
import { toJob } from './job-view.js';
import type { JobsTable } from './tables.js';
import type { TeamAccess } from './team-access.js';

export interface ComputeOptions {
  defaultExecutor: string;
  /** Which teams may use which executor and partition, and their limits of active jobs. */
  access: TeamAccess;
  /**
   * The value of `secret:NAME` in a job's env, from its team's vault; null when the vault is not
   * set up, absent where the platform has none (either way such a job is refused).
   */
  resolveSecret?: (
    principal: Principal,
    actor: Actor,
    team: string,
    name: string,
    job: string,
  ) => Promise<string | null>;
  /** Root folder of job outputs (`<root>/<jobId>`). */
  outputRoot: string;
}

type TeamsOf = (userId: string) => Promise<string[]>;

/** The rules of jobs: who may submit what where, who may see and cancel which job. */
export class JobService {
  constructor(
    private readonly store: JobStore,
    private readonly executors: Map<string, Executor>,
    private readonly audit: AuditLog,
    private readonly teamsOf: TeamsOf,
    private readonly options: ComputeOptions,
  ) {}

  executorNames(): string[] {
    return [...this.executors.keys()];
  }

  private executor(name: string): Executor {
    const found = this.executors.get(name);
    if (!found)
      throw computeErrors.COMPUTE_EXECUTOR_UNKNOWN.create([name, this.executorNames().join(', ') || 'none']);
    return found;
  }

  /**
   * The executors `principal` may choose: all for Keepers; for a member, those offered to one of
   * their teams whose jobs cannot reach Plinth's own secrets.
   */
  async executorsFor(principal: Principal): Promise<string[]> {
    const offered = this.options.access.executorsFor(
      this.executorNames(),
      principal,
      await this.teamsOf(principal.user.id),
    );
    return offered.filter((name) => this.keeperOnlyReason(principal, name) === null);
  }

  /** Executors offered to `principal`'s teams that only Keepers may use here, and why. */
  async closedTo(principal: Principal): Promise<{ name: string; reason: string }[]> {
    const offered = this.options.access.executorsFor(
      this.executorNames(),
      principal,
      await this.teamsOf(principal.user.id),
    );
    return offered.flatMap((name) => {
      const reason = this.keeperOnlyReason(principal, name);
      return reason === null ? [] : [{ name, reason }];
    });
  }

  /** Why a member may not use an executor whose jobs are not isolated; null when they may. */
  private keeperOnlyReason(principal: Principal, name: string): string | null {
    if (principal.role === 'keeper') return null;
    const isolation = this.executors.get(name)?.isolation?.();
    return isolation && !isolation.members ? isolation.reason : null;
  }

  /**
   * The partitions an executor offers, from the engine itself, that `principal` may use; none when
   * it has no such notion.
   */
  async partitions(principal: Principal, name: string) {
    if (!(await this.executorsFor(principal)).includes(name)) {
      throw computeErrors.COMPUTE_EXECUTOR_UNKNOWN.create([
        name,
        (await this.executorsFor(principal)).join(', ') || 'none',
      ]);
    }
    const executor = this.executor(name);
    const allowed = this.options.access.partitionsFor(principal, await this.teamsOf(principal.user.id));
    try {
      const all = (await executor.partitions?.()) ?? [];
      return allowed ? all.filter((p) => allowed.has(p.name)) : all;
    } catch (error) {
      throw computeErrors.COMPUTE_EXECUTOR_UNAVAILABLE.create([name, (error as Error).message], {
        cause: error,
      });
    }
  }

  /** Checks what no schema can: command xor script, array range, secrets, executor options. */
  private check(spec: JobSpec, executor: Executor): void {
    if (Boolean(spec.command) === Boolean(spec.script)) {
      throw invalidSpec('command: give either command (a list of words) or script, not both and not neither');
    }
    if (spec.array) {
      if (!executor.capabilities.arrays) throw invalidSpec('array: this executor does not run arrays');
      try {
        arrayIndices(spec.array);
      } catch (error) {
        throw invalidSpec((error as Error).message);
      }
    }
    if (spec.resources?.gpus && !executor.capabilities.gpus) {
      throw invalidSpec('resources.gpus: this executor has no GPUs; choose another executor');
    }
    const secret = Object.entries(spec.env ?? {}).find(([, v]) => v.startsWith('secret:'));
    if (secret && !this.options.resolveSecret)
      throw computeErrors.COMPUTE_SECRETS_UNAVAILABLE.create([secret[0]]);
    try {
      executor.validateOptions?.(spec.options ?? {});
      executor.validateSpec?.(spec);
    } catch (error) {
      throw invalidSpec((error as Error).message);
    }
  }

  private async teamFor(principal: Principal, wanted: string | undefined): Promise<string | null> {
    const teams = await this.teamsOf(principal.user.id);
    if (!wanted) return teams[0] ?? null;
    if (!teams.includes(wanted) && principal.role !== 'keeper')
      throw computeErrors.COMPUTE_TEAM_NOT_YOURS.create([wanted]);
    return wanted;
  }

  /** Checks a spec as a submit would (fields, executor, team, partition), without running anything. */
  async preflight(principal: Principal, spec: JobSpec): Promise<void> {
    await this.admit(principal, spec);
  }

  /** What a submit of `spec` by `principal` resolves to, or the error that refuses it. */
  private async admit(principal: Principal, spec: JobSpec) {
    const executorName = spec.executor ?? this.options.defaultExecutor;
    const executor = this.executor(executorName);
    const closed = this.keeperOnlyReason(principal, executorName);
    if (closed !== null) {
      throw computeErrors.COMPUTE_EXECUTOR_KEEPERS_ONLY.create([executorName, closed], {
        details: [{ field: 'executor', message: closed }],
      });
    }
    this.check(spec, executor);
    const team = await this.teamFor(principal, spec.team);
    const { access } = this.options;
    if (principal.role !== 'keeper' && !access.mayUse(executorName, team)) {
      throw computeErrors.COMPUTE_EXECUTOR_NOT_ALLOWED.create([
        executorName,
        access.teamsOf(executorName).join(', '),
        team ?? 'no team',
      ]);
    }
    const partition = this.partitionFor(
      spec.partition,
      principal.role === 'keeper' ? null : access.partitionsOf(team),
      team,
    );
    return { executorName, executor, team, partition };
  }

  async submit(principal: Principal, actor: Actor, spec: JobSpec, shared: string[] = []) {
    const { executorName, executor, team, partition } = await this.admit(principal, spec);
    const { access } = this.options;
    const limit = team ? access.maxActiveJobs(team) : 0;
    if (team && (await this.store.countActiveOfTeam(team)) >= limit) {
      throw computeErrors.COMPUTE_QUOTA_EXCEEDED.create([team, limit]);
    }
    const id = newId();
    const outputDir = join(this.options.outputRoot, id);
    const stored: JobSpec = {
      ...spec,
      executor: executorName,
      ...(team ? { team } : {}),
      ...(partition ? { partition } : {}),
    };
    const env = await this.resolveEnv(principal, actor, spec, team);
    let submitted: Awaited<ReturnType<Executor['submit']>>;
    try {
      submitted = await executor.submit({ jobId: id, spec: stored, outputDir, env, shared });
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      throw computeErrors.COMPUTE_EXECUTOR_UNAVAILABLE.create([executorName, (error as Error).message], {
        cause: error,
      });
    }
    const now = nowIso();
    const row: JobsTable = {
      id,
      name: spec.name,
      executor: executorName,
      state: 'pending',
      external_id: submitted.externalId,
      owner_id: principal.user.id,
      owner: principal.user.username,
      team,
      spec: JSON.stringify(stored),
      labels: JSON.stringify(spec.labels ?? {}),
      script: submitted.script ?? null,
      output_dir: outputDir,
      stdout_path: submitted.stdoutPath,
      stderr_path: submitted.stderrPath,
      exit_code: null,
      signal: null,
      raw_state: null,
      reason: null,
      explanation: null,
      node: null,
      tasks: null,
      usage: null,
      submitted_at: now,
      started_at: null,
      ended_at: null,
      updated_at: now,
      status_at: now,
      stale: 0,
      missing_polls: 0,
      cancelled_by: null,
    };
    await this.store.transaction(async (store, trx) => {
      await store.insert(row);
      await this.audit.record(
        actor,
        {
          action: 'job.submit',
          target: id,
          details: {
            name: spec.name,
            executor: executorName,
            team,
            // What the job could reach: read by whoever investigates it later.
            ...(executor.isolation ? { isolation: executor.isolation().reason } : {}),
          },
        },
        trx,
      );
    });
    return row;
  }

  /**
   * The job's environment with each `secret:NAME` replaced by its value from the team's vault. The
   * stored spec keeps the references; only the executor sees the values.
   */
  private async resolveEnv(principal: Principal, actor: Actor, spec: JobSpec, team: string | null) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(spec.env ?? {})) {
      if (!value.startsWith('secret:')) {
        env[key] = value;
        continue;
      }
      const name = value.slice('secret:'.length);
      if (!team)
        throw invalidSpec(`env.${key}: a secret comes from a team's vault, and this job has no team`);
      try {
        const found = await (this.options.resolveSecret as NonNullable<ComputeOptions['resolveSecret']>)(
          principal,
          actor,
          team,
          name,
          spec.name,
        );
        // null: this server's vault is not set up.
        if (found === null) throw computeErrors.COMPUTE_SECRETS_UNAVAILABLE.create([key]);
        env[key] = found;
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 404)
          throw invalidSpec(`env.${key}: team ${team}'s vault has no secret '${name}'`, error);
        throw error;
      }
    }
    return env;
  }

  /** A restricted team's job goes to one of its partitions: the one asked for, or the first allowed. */
  private partitionFor(wanted: string | undefined, allowed: string[] | null, team: string | null) {
    if (!allowed) return wanted;
    if (wanted === undefined) return allowed[0];
    if (!allowed.includes(wanted)) {
      throw computeErrors.COMPUTE_PARTITION_NOT_ALLOWED.create([wanted, team ?? '', allowed.join(', ')], {
        details: [{ field: 'partition', message: `team ${team} may use ${allowed.join(', ')}` }],
      });
    }
    return wanted;
  }

  private async getRow(id: string) {
    const row = await this.store.get(id);
    if (!row) throw computeErrors.COMPUTE_JOB_NOT_FOUND.create([id]);
    return row;
  }

  /** The job, if `principal` may see it: their own, their team's, or any for a Keeper. */
  async visible(principal: Principal, id: string) {
    const row = await this.store.get(id);
    const teams = row?.team ? await this.teamsOf(principal.user.id) : [];
    const allowed =
      row &&
      (principal.role === 'keeper' ||
        row.owner_id === principal.user.id ||
        (row.team !== null && teams.includes(row.team)));
    if (!row || !allowed) throw computeErrors.COMPUTE_JOB_NOT_FOUND.create([id]);
    return row;
  }

  async get(principal: Principal, id: string) {
    const row = await this.visible(principal, id);
    return { ...toJob(row), script: row.script };
  }

  async list(
    principal: Principal,
    query: {
      scope?: 'mine' | 'team' | 'all';
      state?: string;
      executor?: string;
      label?: string;
      team?: string;
      q?: string;
      cursor?: string;
      limit?: number;
    },
  ) {
    const limit = query.limit ?? 50;
    const teams = await this.teamsOf(principal.user.id);
    const scope = query.scope ?? 'mine';
    const seeAll = scope === 'all' && principal.role === 'keeper';
    const label = query.label ? (query.label.split(/=(.*)/s).slice(0, 2) as [string, string]) : undefined;
    const teamFilter = query.team
      ? [query.team].filter((t) => seeAll || teams.includes(t))
      : scope === 'mine'
        ? undefined
        : teams;
    const rows = await this.store.list({
      ownerId: seeAll || scope === 'team' || query.team ? undefined : principal.user.id,
      teams: seeAll && !query.team ? undefined : teamFilter,
      state: query.state,
      executor: query.executor,
      label,
      q: query.q,
      before: decodeCursor(query.cursor),
      limit,
    });
    return toPage(rows, limit, (r) => r.id, toJob);
  }

  /** Cancels one task of an array job the principal may see; the job's other tasks run on. */
  async cancelTask(principal: Principal, actor: Actor, id: string, index: number): Promise<void> {
    const row = await this.visible(principal, id);
    if (row.state !== 'pending' && row.state !== 'running') return;
    const executor = this.executor(row.executor);
    if (!executor.cancelTask) throw invalidSpec(`array: the ${row.executor} executor cannot cancel one task`);
    await executor.cancelTask(row.external_id as string, index);
    await this.audit.record(actor, {
      action: 'job.cancel-task',
      target: id,
      details: { name: row.name, task: index },
    });
  }

  /** Whether the executor a spec names (or the default) runs array jobs: a sweep then batches trials. */
  runsArrays(name: string | undefined): boolean {
    return this.executors.get(name ?? this.options.defaultExecutor)?.capabilities.arrays === true;
  }

  async cancel(
    principal: Principal,
    actor: Actor,
    id: string,
    poll: (executor: string) => Promise<void>,
    options: { wait?: boolean } = {},
  ) {
    const row = await this.visible(principal, id);
    if (row.state !== 'pending' && row.state !== 'running')
      throw computeErrors.COMPUTE_JOB_FINISHED.create([id, row.state]);
    // Who cancelled is written first: the poll that sees the job end explains it with that name.
    await this.store.transaction(async (store, trx) => {
      await store.update(id, { cancelled_by: principal.user.username });
      await this.audit.record(actor, { action: 'job.cancel', target: id, details: { name: row.name } }, trx);
    });
    try {
      await this.executor(row.executor).cancel(row.external_id as string);
    } catch (error) {
      await this.store.update(id, { cancelled_by: row.cancelled_by });
      throw computeErrors.COMPUTE_EXECUTOR_UNAVAILABLE.create([row.executor, (error as Error).message], {
        cause: error,
      });
    }
    if (options.wait === false) return toJob(await this.getRow(id));
    // Stopping takes a moment (a grace period, a scheduler round-trip): answer once it shows, or after 3 s.
    for (let i = 0; i < 15; i++) {
      await poll(row.executor);
      const now = await this.getRow(id);
      if (now.state !== 'running' && now.state !== 'pending') return toJob(now);
      await new Promise((r) => setTimeout(r, 200));
    }
    return toJob(await this.getRow(id));
  }
}
