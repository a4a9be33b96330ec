import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Principal } from '../../auth/index.js';
import type { Logger } from '../../core/logger.js';
import { nowIso } from '../../core/time.js';
import { FINAL_STATES, type JobState } from '../extension.js';
import type { JobService } from '../job-service.js';
import type { JobStore } from '../job-store.js';
import { readJobWrittenFile, writeForJob } from '../job-written-files.js';
import { logPath, readLogChunk } from '../log-reader.js';
import type { JobsTable, SweepsTable, SweepTrialsTable } from '../tables.js';
import { type BatchTrial, batchScript } from './batch-script.js';
import { shouldStop } from './median-stopping.js';
import { completeLines, parseMetricLines, parseMetricsFile } from './metric-lines.js';
import { knownUpFront, suggestTrial, trialBudget } from './search.js';
import { SweepService } from './sweep-service.js';
import type { ParamSet, SweepSpec } from './sweep-spec.js';
import type { SweepStore } from './sweep-store.js';
import type { Observation } from './tpe.js';

export interface SweepControllerOptions {
  /** Folder of the sweeps' parameter and metric files (`<dir>/<sweep>/trial-<n>.*.json`). */
  dir: string;
  intervalMs: number;
  /** The owner of a sweep, to submit and cancel its trials as them. */
  principalOf: (userId: string) => Promise<Principal | null>;
}

const ACTIVE = new Set(['submitting', 'pending', 'running', 'pruning']);
/** Most log bytes read per trial and cycle; the rest is read on the next. */
const LOG_CHUNK = 1024 * 1024;
/** Trials in a row whose job is refused before the sweep gives up. */
const MAX_REFUSED = 3;

const envName = (param: string) => `PLINTH_PARAM_${param.toUpperCase()}`;

function paramEnv(params: ParamSet): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [envName(k), String(v)]));
}

/** Lower is better inside the controller: a maximised objective is negated. */
const sign = (spec: SweepSpec) => (spec.objective.goal === 'maximize' ? -1 : 1);

/**
 * Runs sweeps: keeps `parallelism` trials going until the budget is spent, reads each trial's
 * metric lines from its log as it runs, stops hopeless trials by the median rule, and records the
 * best. Everything it knows is in the database, so after a restart it carries on where it was:
 * finished trials are never run again, a trial half-submitted is adopted or submitted once.
 */
export class SweepController {
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = true;

  constructor(
    private readonly store: SweepStore,
    private readonly jobs: JobService,
    private readonly jobStore: JobStore,
    private readonly logger: Logger,
    private readonly options: SweepControllerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Acts soon: a sweep started or was stopped, or a trial's job changed state. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(50);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.running = true;
    this.again = false;
    let active = 0;
    try {
      active = await this.cycle();
    } catch (error) {
      this.logger.error({ err: error }, 'Sweep cycle failed');
      active = 1;
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    if (this.again) this.schedule(50);
    else if (active > 0) this.schedule(this.options.intervalMs);
  }

  /** One pass over every running sweep; returns how many are still running. */
  async cycle(): Promise<number> {
    const sweeps = await this.store.active();
    for (const sweep of sweeps) {
      try {
        await this.advance(sweep);
      } catch (error) {
        this.logger.error({ err: error, sweep: sweep.id }, 'Sweep could not advance');
      }
    }
    return (await this.store.active()).length;
  }

  private async advance(sweep: SweepsTable): Promise<void> {
    const spec = JSON.parse(sweep.spec) as SweepSpec;
    const owner = await this.options.principalOf(sweep.owner_id);
    if (!owner) {
      await this.finish(sweep, 'failed', `its owner ${sweep.owner} no longer exists or is disabled`);
      return;
    }
    let trials = await this.store.trials(sweep.id);
    for (const trial of trials.filter((t) => ACTIVE.has(t.state)))
      await this.follow(sweep, spec, trial, owner);
    trials = await this.store.trials(sweep.id);
    if (sweep.state === 'running') await this.pruneHopeless(sweep, spec, trials, owner);
    const best = await this.recordBest(sweep, spec, trials);
    let state = sweep.state;
    let reason = sweep.reason;
    const target = spec.objective.target;
    if (
      state === 'running' &&
      best &&
      target !== undefined &&
      sign(spec) * best.value <= sign(spec) * target
    ) {
      state = 'stopping';
      reason = `trial ${best.number} reached the goal (${spec.objective.metric} ${spec.objective.goal === 'maximize' ? '≥' : '≤'} ${target})`;
      await this.store.update(sweep.id, { state, reason, updated_at: nowIso() });
    }
    const refused = trials.slice(-MAX_REFUSED);
    if (
      state === 'running' &&
      refused.length === MAX_REFUSED &&
      refused.every((t) => t.state === 'refused')
    ) {
      state = 'stopping';
      reason = `${MAX_REFUSED} trials in a row could not be submitted: ${refused.at(-1)?.error ?? ''}`;
      await this.store.update(sweep.id, { state, reason, updated_at: nowIso() });
    }
    if (state === 'stopping') {
      for (const trial of trials.filter((t) => t.state === 'pending' || t.state === 'running'))
        await this.cancel(sweep, trial, owner, trial.state);
    }
    const activeNow = (await this.store.trials(sweep.id)).filter((t) => ACTIVE.has(t.state)).length;
    let count = sweep.trial_count;
    if (state === 'running') {
      const budget = trialBudget(spec);
      const parallelism = spec.parallelism ?? 1;
      const free = Math.min(parallelism - activeNow, budget - count);
      if (free >= 2 && knownUpFront(spec) && this.jobs.runsArrays(spec.executor ?? spec.job.executor)) {
        // Parameters known up front: the free slots go out as ONE array job, a trial per task.
        await this.launchBatch(sweep, spec, count, free, owner);
        count += free;
      } else {
        for (let i = 0; i < free; i++) {
          await this.launch(sweep, spec, count, owner, await this.store.trials(sweep.id));
          count += 1;
        }
      }
      // Ended when nothing runs and nothing more may start (not merely nothing ran before this cycle).
      if (activeNow === 0 && count === sweep.trial_count && count >= budget) {
        const done = await this.store.trials(sweep.id);
        const anyValue = done.some((t) => t.value !== null && t.state === 'succeeded');
        await this.finish(
          sweep,
          anyValue ? 'succeeded' : 'failed',
          anyValue
            ? `all ${budget} trials ran`
            : `no trial reported ${spec.objective.metric} (print "PLINTH_METRIC ${spec.objective.metric}=<value>")`,
        );
      }
    } else if (state === 'stopping' && activeNow === 0) {
      await this.finish(sweep, reason?.includes('reached the goal') ? 'succeeded' : 'stopped', reason);
    }
  }

  private async finish(sweep: SweepsTable, state: string, reason: string | null): Promise<void> {
    const now = nowIso();
    await this.store.update(sweep.id, { state, reason, ended_at: now, updated_at: now });
    this.logger.info({ sweep: sweep.id, state, reason }, 'Sweep ended');
  }

  /** Submits trial `number`: the row first, so that a crash in between never runs it twice. */
  private async launch(
    sweep: SweepsTable,
    spec: SweepSpec,
    number: number,
    owner: Principal,
    trials: SweepTrialsTable[],
  ): Promise<void> {
    const params = suggestTrial(spec, sweep.seed, number, observations(spec, trials));
    const now = nowIso();
    await this.store.transaction(async (store) => {
      await store.insertTrial({
        sweep_id: sweep.id,
        number,
        params: JSON.stringify(params),
        state: 'submitting',
        job_id: null,
        task: null,
        value: null,
        intermediate: '[]',
        metrics: '{}',
        log_offset: 0,
        error: null,
        created_at: now,
        ended_at: null,
      });
      await store.update(sweep.id, { trial_count: number + 1, updated_at: now });
    });
    await this.submit(sweep, spec, number, params, owner);
  }

  /** Submits trials `first`..`first + size - 1` as one array job (rows first, as for one trial). */
  private async launchBatch(
    sweep: SweepsTable,
    spec: SweepSpec,
    first: number,
    size: number,
    owner: Principal,
  ): Promise<void> {
    const now = nowIso();
    const numbers = Array.from({ length: size }, (_, i) => first + i);
    await this.store.transaction(async (store) => {
      for (const [task, number] of numbers.entries()) {
        await store.insertTrial({
          sweep_id: sweep.id,
          number,
          params: JSON.stringify(suggestTrial(spec, sweep.seed, number, [])),
          state: 'submitting',
          job_id: null,
          task,
          value: null,
          intermediate: '[]',
          metrics: '{}',
          log_offset: 0,
          error: null,
          created_at: now,
          ended_at: null,
        });
      }
      await store.update(sweep.id, { trial_count: first + size, updated_at: now });
    });
    await this.submitBatch(sweep, spec, first, numbers, owner);
  }

  private async submitBatch(
    sweep: SweepsTable,
    spec: SweepSpec,
    first: number,
    numbers: number[],
    owner: Principal,
  ): Promise<void> {
    const trials: BatchTrial[] = [];
    for (const number of numbers) {
      const files = this.files(sweep.id, number);
      const params = suggestTrial(spec, sweep.seed, number, []);
      await mkdir(files.dir, { recursive: true });
      await writeForJob(files.params, `${JSON.stringify(params, null, 2)}\n`);
      trials.push({ number, params, paramsFile: files.params, metricsFile: files.metrics });
    }
    const last = numbers.at(-1) ?? first;
    const base = SweepService.trialJob(spec, first);
    const { command: _command, script: _script, ...rest } = base;
    const job = {
      ...rest,
      name: `${spec.name.slice(0, 80)}-t${first}-${last}`,
      script: batchScript(spec.name, trials, { command: spec.job.command, script: spec.job.script }),
      array: `0-${numbers.length - 1}`,
      env: { ...(base.env ?? {}), PLINTH_SWEEP_ID: sweep.id },
      labels: {
        ...(base.labels ?? {}),
        'plinth.sweep': sweep.id,
        'plinth.trial': String(first),
        'plinth.trials': `${first}-${last}`,
      },
    };
    const actor = { userId: owner.user.id, username: owner.user.username, ip: null };
    try {
      const row = await this.jobs.submit(owner, actor, job, [this.files(sweep.id, first).dir]);
      for (const number of numbers)
        await this.store.updateTrial(sweep.id, number, { job_id: row.id, state: row.state });
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn({ sweep: sweep.id, first, error: message }, 'Batch of trials could not be submitted');
      for (const number of numbers)
        await this.store.updateTrial(sweep.id, number, {
          state: 'refused',
          error: message,
          ended_at: nowIso(),
        });
    }
  }

  private files(sweepId: string, number: number) {
    const dir = join(this.options.dir, sweepId);
    return {
      dir,
      params: join(dir, `trial-${number}.params.json`),
      metrics: join(dir, `trial-${number}.metrics.json`),
    };
  }

  private async submit(
    sweep: SweepsTable,
    spec: SweepSpec,
    number: number,
    params: ParamSet,
    owner: Principal,
  ): Promise<void> {
    const files = this.files(sweep.id, number);
    await mkdir(files.dir, { recursive: true });
    await writeForJob(files.params, `${JSON.stringify(params, null, 2)}\n`);
    const base = SweepService.trialJob(spec, number);
    const job = {
      ...base,
      env: {
        ...(base.env ?? {}),
        ...paramEnv(params),
        PLINTH_PARAMS_FILE: files.params,
        PLINTH_METRICS_FILE: files.metrics,
        PLINTH_SWEEP_ID: sweep.id,
        PLINTH_TRIAL: String(number),
      },
      labels: { ...(base.labels ?? {}), 'plinth.sweep': sweep.id, 'plinth.trial': String(number) },
    };
    const actor = { userId: owner.user.id, username: owner.user.username, ip: null };
    try {
      const row = await this.jobs.submit(owner, actor, job, [files.dir]);
      await this.store.updateTrial(sweep.id, number, { job_id: row.id, state: row.state });
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn({ sweep: sweep.id, trial: number, error: message }, 'Trial could not be submitted');
      await this.store.updateTrial(sweep.id, number, {
        state: 'refused',
        error: message,
        ended_at: nowIso(),
      });
    }
  }

  /** Brings a trial up to date with its job: state, new metric lines, final metrics file. */
  private async follow(sweep: SweepsTable, spec: SweepSpec, trial: SweepTrialsTable, owner: Principal) {
    if (trial.state === 'submitting') {
      // A batch's job carries the number of its first trial: the trial `task` places after it.
      const first = trial.number - (trial.task ?? 0);
      const orphan = await this.store.orphanJobOf(sweep.id, first);
      if (orphan)
        await this.store.updateTrial(sweep.id, trial.number, { job_id: orphan.id, state: 'pending' });
      else if (sweep.state !== 'running')
        await this.store.updateTrial(sweep.id, trial.number, { state: 'cancelled', ended_at: nowIso() });
      else if (trial.task === null)
        await this.submit(sweep, spec, trial.number, JSON.parse(trial.params) as ParamSet, owner);
      else if (trial.task === 0) {
        const batch = (await this.store.trials(sweep.id)).filter(
          (t) => t.state === 'submitting' && t.task !== null && t.number - t.task === first,
        );
        await this.submitBatch(
          sweep,
          spec,
          first,
          batch.map((t) => t.number),
          owner,
        );
      }
      return;
    }
    const job = trial.job_id ? await this.jobStore.get(trial.job_id) : undefined;
    if (!job) {
      await this.store.updateTrial(sweep.id, trial.number, { state: 'lost', ended_at: nowIso() });
      return;
    }
    const task = taskOf(job, trial.task);
    const changes = await this.readMetrics(spec, trial, job, task);
    const final = FINAL_STATES.has(task.state as JobState);
    if (final) {
      const fromFile = parseMetricsFile(await readJobWrittenFile(this.files(sweep.id, trial.number).metrics));
      const metrics = {
        ...(JSON.parse(changes.metrics ?? trial.metrics) as Record<string, number>),
        ...fromFile,
      };
      changes.metrics = JSON.stringify(metrics);
      const objective = fromFile[spec.objective.metric];
      if (objective !== undefined) changes.value = objective;
      changes.state = trial.state === 'pruning' ? 'pruned' : task.state;
      changes.ended_at = task.endedAt ?? nowIso();
    } else if (trial.state !== 'pruning' && task.state !== trial.state) changes.state = task.state;
    if (Object.keys(changes).length > 0) await this.store.updateTrial(sweep.id, trial.number, changes);
  }

  private async readMetrics(
    spec: SweepSpec,
    trial: SweepTrialsTable,
    job: JobsTable,
    task: { state: string },
  ): Promise<Partial<SweepTrialsTable>> {
    const path = logPath(job, 'stdout', trial.task ?? undefined);
    const chunk = await readLogChunk(path, trial.log_offset, LOG_CHUNK);
    if (!chunk.text) return {};
    const final = FINAL_STATES.has(task.state as JobState);
    // A line half-written when read is read again, whole, next time (unless the job has ended).
    const { complete, rest } = final ? { complete: chunk.text, rest: 0 } : completeLines(chunk.text);
    const changes: Partial<SweepTrialsTable> = { log_offset: chunk.nextOffset - rest };
    const reports = parseMetricLines(complete);
    if (reports.length === 0) return changes;
    const curve = JSON.parse(trial.intermediate) as [number, number][];
    const metrics = JSON.parse(trial.metrics) as Record<string, number>;
    let value = trial.value;
    for (const report of reports) {
      Object.assign(metrics, report.values);
      const v = report.values[spec.objective.metric];
      if (v === undefined) continue;
      value = v;
      const step = report.step ?? (curve.at(-1)?.[0] ?? 0) + 1;
      curve.push([step, v]);
    }
    return { ...changes, metrics: JSON.stringify(metrics), intermediate: JSON.stringify(curve), value };
  }

  private async pruneHopeless(
    sweep: SweepsTable,
    spec: SweepSpec,
    trials: SweepTrialsTable[],
    owner: Principal,
  ) {
    const rule = spec.earlyStopping;
    if (!rule) return;
    const s = sign(spec);
    const curveOf = (t: SweepTrialsTable) =>
      (JSON.parse(t.intermediate) as [number, number][]).map(([step, v]) => [step, s * v] as const);
    const completed = trials.filter((t) => t.state === 'succeeded').map(curveOf);
    for (const trial of trials.filter((t) => t.state === 'running')) {
      if (
        shouldStop(curveOf(trial), completed, { minTrials: rule.minTrials ?? 5, minStep: rule.minStep ?? 1 })
      ) {
        this.logger.info({ sweep: sweep.id, trial: trial.number }, 'Trial stopped early by the median rule');
        await this.cancel(sweep, trial, owner, 'pruning');
      }
    }
  }

  private async cancel(sweep: SweepsTable, trial: SweepTrialsTable, owner: Principal, state: string) {
    await this.store.updateTrial(sweep.id, trial.number, { state });
    if (!trial.job_id) return;
    const actor = { userId: owner.user.id, username: owner.user.username, ip: null };
    try {
      if (trial.task === null)
        await this.jobs.cancel(owner, actor, trial.job_id, async () => undefined, { wait: false });
      else await this.jobs.cancelTask(owner, actor, trial.job_id, trial.task);
    } catch (error) {
      // Already ended: the next cycle records how.
      this.logger.debug({ sweep: sweep.id, trial: trial.number, error: (error as Error).message }, 'Cancel');
    }
  }

  private async recordBest(sweep: SweepsTable, spec: SweepSpec, trials: SweepTrialsTable[]) {
    const s = sign(spec);
    const finished = trials.filter((t) => t.state === 'succeeded' && t.value !== null);
    if (finished.length === 0) return null;
    const best = finished.reduce((a, b) => (s * (b.value as number) < s * (a.value as number) ? b : a));
    if (best.number !== sweep.best_trial || best.value !== sweep.best_value) {
      await this.store.update(sweep.id, {
        best_trial: best.number,
        best_value: best.value,
        updated_at: nowIso(),
      });
    }
    return { number: best.number, value: best.value as number };
  }
}

/** The state of a trial's own part of its job: the job's, or its task's in a batch. */
function taskOf(job: JobsTable, task: number | null): { state: string; endedAt: string | null } {
  if (task === null || !job.tasks) return { state: job.state, endedAt: job.ended_at };
  const tasks = JSON.parse(job.tasks) as { index: number; state: string; endedAt: string | null }[];
  const own = tasks.find((t) => t.index === task);
  return own ? { state: own.state, endedAt: own.endedAt } : { state: job.state, endedAt: job.ended_at };
}

/** What TPE learns from: trials that ended with a value (stopped-early ones too), lower is better. */
function observations(spec: SweepSpec, trials: SweepTrialsTable[]): Observation[] {
  const s = sign(spec);
  return trials
    .filter((t) => (t.state === 'succeeded' || t.state === 'pruned') && t.value !== null)
    .map((t) => ({ params: JSON.parse(t.params) as ParamSet, value: s * (t.value as number) }));
}
