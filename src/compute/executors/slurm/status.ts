import { type ExternalStatus, FINAL_STATES, type JobState } from '../../extension.js';
import { type Efficiency, efficiency } from './efficiency.js';
import { describeReason, explainEnd } from './explain.js';
import type { SacctRow } from './parse-sacct.js';
import type { SqueueRow } from './parse-squeue.js';
import type { MappedState } from './state-map.js';

/** One job or array task as seen by squeue and/or sacct, merged. */
export interface Observation {
  externalId: string;
  taskId: number | null;
  status: MappedState;
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  startedAt: string | null;
  endedAt: string | null;
  node: string | null;
  cpus: number | null;
  memoryMb: number | null;
  timeLimitMinutes: number | null;
  elapsedSeconds: number | null;
  cpuSeconds: number | null;
  maxRssMb: number | null;
}

/** Usage as Plinth stores it, plus what was asked for and how much of it was used. */
export interface SlurmUsage {
  cpuSeconds?: number;
  maxRssMb?: number;
  elapsedSeconds?: number;
  requested?: { cpus?: number; memoryMb?: number; timeLimitMinutes?: number };
  efficiency?: Efficiency;
}

const idOf = (parent: string, task: number | null) => (task === null ? parent : `${parent}_${task}`);

function elapsed(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const seconds = (Date.parse(end) - Date.parse(start)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export function fromSqueue(row: SqueueRow): Observation {
  return {
    externalId: idOf(row.arrayJobId, row.arrayTaskId),
    taskId: row.arrayTaskId,
    status: row.status,
    reason: row.reason,
    exitCode: row.exitCode,
    signal: row.signal,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    node: row.node,
    cpus: row.tres.cpus ?? null,
    memoryMb: row.tres.memoryMb ?? null,
    timeLimitMinutes: row.timeLimitMinutes,
    elapsedSeconds: elapsed(row.startedAt, row.endedAt),
    cpuSeconds: null,
    maxRssMb: null,
  };
}

export function fromSacct(row: SacctRow): Observation {
  return {
    externalId: idOf(row.arrayJobId, row.arrayTaskId),
    taskId: row.arrayTaskId,
    status: row.status,
    reason: null,
    exitCode: row.exitCode,
    signal: row.signal,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    node: row.node,
    cpus: row.cpus,
    memoryMb: row.requestedMemoryMb,
    timeLimitMinutes: row.timeLimitMinutes,
    elapsedSeconds: row.elapsedSeconds,
    cpuSeconds: row.cpuSeconds,
    maxRssMb: row.maxRssMb,
  };
}

/** squeue is fresher about the state; sacct adds usage and who cancelled. */
export function merge(
  queue: Observation | undefined,
  account: Observation | undefined,
): Observation | undefined {
  if (!queue || !account) return queue ?? account;
  const pick = <K extends keyof Observation>(key: K) => queue[key] ?? account[key];
  return {
    ...queue,
    status: {
      ...queue.status,
      ...(account.status.cancelledByUid === undefined
        ? {}
        : { cancelledByUid: account.status.cancelledByUid }),
    },
    cpus: pick('cpus'),
    memoryMb: pick('memoryMb'),
    timeLimitMinutes: pick('timeLimitMinutes'),
    elapsedSeconds: account.elapsedSeconds ?? queue.elapsedSeconds,
    cpuSeconds: account.cpuSeconds,
    maxRssMb: account.maxRssMb,
  };
}

function usageOf(o: Observation, final: boolean): SlurmUsage | undefined {
  const usage: SlurmUsage = {};
  if (o.cpuSeconds !== null) usage.cpuSeconds = o.cpuSeconds;
  if (o.maxRssMb !== null) usage.maxRssMb = o.maxRssMb;
  if (o.elapsedSeconds !== null) usage.elapsedSeconds = o.elapsedSeconds;
  usage.requested = {
    ...(o.cpus === null ? {} : { cpus: o.cpus }),
    ...(o.memoryMb === null ? {} : { memoryMb: o.memoryMb }),
    ...(o.timeLimitMinutes === null ? {} : { timeLimitMinutes: o.timeLimitMinutes }),
  };
  if (final && (o.cpuSeconds !== null || o.maxRssMb !== null)) {
    usage.efficiency = efficiency({
      cpus: o.cpus,
      elapsedSeconds: o.elapsedSeconds,
      cpuSeconds: o.cpuSeconds,
      requestedMemoryMb: o.memoryMb,
      maxRssMb: o.maxRssMb,
      timeLimitMinutes: o.timeLimitMinutes,
      succeeded: o.status.state === 'succeeded',
    });
  }
  return final || o.status.state === 'running' ? usage : undefined;
}

/** The status Plinth stores for one observation; `memoryKill` comes from the job's stderr. */
export function toStatus(o: Observation, memoryKill?: { usedMb: number; limitMb: number }): ExternalStatus {
  const final = FINAL_STATES.has(o.status.state);
  const explanation = final
    ? explainEnd({
        rawState: o.status.rawState,
        reason: o.reason,
        exitCode: o.exitCode,
        signal: o.signal,
        started: o.startedAt !== null,
        node: o.node,
        timeLimitMinutes: o.timeLimitMinutes,
        requestedMemoryMb: o.memoryMb,
        maxRssMb: o.maxRssMb,
        memoryKill: memoryKill ?? null,
        cancelledBy:
          o.status.cancelledByUid === undefined ? null : `user id ${o.status.cancelledByUid} on the cluster`,
      })
    : undefined;
  const usage = usageOf(o, final);
  return {
    externalId: o.externalId,
    state: o.status.state,
    rawState: o.status.rawState,
    ...(o.reason ? { reason: final ? o.reason : (describeReason(o.reason) ?? o.reason) } : {}),
    exitCode: o.exitCode,
    signal: o.signal,
    startedAt: o.startedAt,
    endedAt: final ? o.endedAt : null,
    node: o.node,
    ...(usage ? { usage } : {}),
    // Plinth knows who cancelled from its own records; only a cluster-side uid is worth saying here.
    ...(explanation && !(o.status.rawState === 'CANCELLED' && o.status.cancelledByUid === undefined)
      ? { explanation }
      : {}),
  };
}

function arrayState(tasks: ExternalStatus[]): JobState {
  const states = tasks.map((t) => t.state);
  const finals = states.filter((s) => FINAL_STATES.has(s)).length;
  if (finals < states.length) return states.includes('running') || finals > 0 ? 'running' : 'pending';
  for (const s of ['failed', 'timeout', 'cancelled', 'lost'] as const) if (states.includes(s)) return s;
  return 'succeeded';
}

/** An array's status from its tasks' (sorted by index): its state, its first failure, its span. */
export function arrayStatus(parentId: string, tasks: ExternalStatus[]): ExternalStatus {
  const state = arrayState(tasks);
  const final = FINAL_STATES.has(state);
  const starts = tasks.flatMap((t) => (t.startedAt ? [t.startedAt] : [])).sort();
  const ends = tasks.flatMap((t) => (t.endedAt ? [t.endedAt] : [])).sort();
  const bad = tasks.find((t) => t.state !== 'succeeded' && FINAL_STATES.has(t.state));
  const failedCount = tasks.filter((t) => FINAL_STATES.has(t.state) && t.state !== 'succeeded').length;
  let explanation: string | undefined;
  if (final) {
    explanation = bad
      ? `${failedCount} of ${tasks.length} tasks did not succeed. Task ${bad.externalId.split('_')[1]}: ${bad.explanation ?? bad.state}`
      : `All ${tasks.length} tasks finished successfully.`;
  }
  const waiting = state === 'pending' ? tasks.find((t) => t.reason)?.reason : undefined;
  return {
    externalId: parentId,
    state,
    ...(waiting ? { reason: waiting } : {}),
    rawState:
      bad?.rawState ??
      (state === 'succeeded'
        ? 'COMPLETED'
        : (tasks.find((t) => t.state === state)?.rawState ?? state.toUpperCase())),
    exitCode: bad ? (bad.exitCode ?? null) : state === 'succeeded' ? 0 : null,
    signal: bad?.signal ?? null,
    startedAt: starts[0] ?? null,
    endedAt: final ? (ends[ends.length - 1] ?? null) : null,
    node: tasks.find((t) => t.node)?.node ?? null,
    tasks,
    ...(explanation ? { explanation } : {}),
  };
}
