import type { Executor, JobSpec } from '../../api/job-types.js';
import {
  gbToMb,
  mbToGb,
  type PresetName,
  presetOf,
  presets,
  type ResourceValues,
} from './resource-presets.js';
import { joinWords, splitWords } from './split-words.js';

/** One environment variable row of the form; `id` keeps the row's inputs stable while rows come and go. */
export interface EnvRow {
  id: string;
  key: string;
  value: string;
}

/** Everything the new-job form holds, in the shapes people type. */
export interface JobFormValues extends ResourceValues {
  name: string;
  executor: string;
  mode: 'command' | 'script';
  commandLine: string;
  script: string;
  workingDirectory: string;
  preset: PresetName;
  gpus: number | '';
  gpuType: string;
  partition: string;
  array: string;
  /** `key=value` chips. */
  labels: string[];
  team: string;
  env: EnvRow[];
  /** Executor options of the job this one resubmits; kept only on the same executor. */
  options: { executor: string; value: Record<string, unknown> } | null;
}

let rowCounter = 0;
/** A fresh environment row. */
export function envRow(key = '', value = ''): EnvRow {
  rowCounter += 1;
  return { id: `env-${rowCounter}`, key, value };
}

/** An empty form for a first job: the Small preset, the default executor, the person's first team. */
export function emptyValues(executor: string, team: string): JobFormValues {
  const small = presets[0]?.values ?? { cpus: 1, memoryGb: 2, timeHours: 0, timeMinutes: 30 };
  return {
    name: '',
    executor,
    mode: 'command',
    commandLine: '',
    script: '',
    workingDirectory: '',
    preset: 'small',
    ...small,
    gpus: '',
    gpuType: '',
    partition: '',
    array: '',
    labels: [],
    team,
    env: [],
    options: null,
  };
}

/** The form filled from an existing job's spec (Resubmit). */
export function valuesFromSpec(spec: JobSpec, fallback: JobFormValues): JobFormValues {
  const r = spec.resources ?? {};
  const minutes = r.timeLimitMinutes;
  const resources: ResourceValues = {
    cpus: r.cpus ?? '',
    memoryGb: r.memoryMb ? mbToGb(r.memoryMb) : '',
    timeHours: minutes ? Math.floor(minutes / 60) : '',
    timeMinutes: minutes ? minutes % 60 : '',
  };
  const executor = spec.executor ?? fallback.executor;
  return {
    ...fallback,
    name: spec.name,
    executor,
    mode: spec.script ? 'script' : 'command',
    commandLine: spec.command ? joinWords(spec.command) : '',
    script: spec.script ?? '',
    workingDirectory: spec.workingDirectory ?? '',
    ...resources,
    preset: presetOf(resources),
    gpus: r.gpus ?? '',
    gpuType: r.gpuType ?? '',
    partition: spec.partition ?? '',
    array: spec.array ?? '',
    labels: Object.entries(spec.labels ?? {}).map(([k, v]) => `${k}=${v}`),
    team: spec.team ?? fallback.team,
    env: Object.entries(spec.env ?? {}).map(([k, v]) => envRow(k, v)),
    options: spec.options && Object.keys(spec.options).length > 0 ? { executor, value: spec.options } : null,
  };
}

const positive = (v: number | '') => (typeof v === 'number' && v > 0 ? v : undefined);

function resourcesOf(v: JobFormValues, executor: Executor | undefined): JobSpec['resources'] {
  const minutes =
    (typeof v.timeHours === 'number' ? v.timeHours : 0) * 60 +
    (typeof v.timeMinutes === 'number' ? v.timeMinutes : 0);
  const gpus = executor?.capabilities.gpus ? positive(v.gpus) : undefined;
  const resources: NonNullable<JobSpec['resources']> = {
    cpus: positive(v.cpus),
    memoryMb: positive(v.memoryGb) ? gbToMb(v.memoryGb as number) : undefined,
    gpus,
    gpuType: gpus && v.gpuType.trim() ? v.gpuType.trim() : undefined,
    timeLimitMinutes: minutes > 0 ? Math.round(minutes) : undefined,
  };
  const present = Object.entries(resources).filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as JobSpec['resources']) : undefined;
}

function pairs(rows: [string, string][]): Record<string, string> | undefined {
  const kept = rows.filter(([k]) => k.trim() !== '');
  return kept.length > 0 ? Object.fromEntries(kept.map(([k, val]) => [k.trim(), val])) : undefined;
}

function labelPairs(labels: string[]): [string, string][] {
  return labels.map((label) => {
    const at = label.indexOf('=');
    return at < 0 ? [label, ''] : [label.slice(0, at), label.slice(at + 1)];
  });
}

/**
 * The spec the form sends, exactly as `POST /api/jobs` takes it. Empty fields are left out; fields
 * the chosen executor cannot use (GPUs, arrays) are left out too.
 */
export function specFromValues(v: JobFormValues, executor: Executor | undefined): JobSpec {
  const split = splitWords(v.commandLine);
  const spec: JobSpec = {
    name: v.name.trim(),
    executor: v.executor || undefined,
    command:
      v.mode === 'command' ? (split.ok && split.words.length > 0 ? split.words : undefined) : undefined,
    script: v.mode === 'script' && v.script.trim() ? v.script : undefined,
    workingDirectory: v.workingDirectory.trim() || undefined,
    env: pairs(v.env.map((row) => [row.key, row.value])),
    resources: resourcesOf(v, executor),
    partition: v.partition.trim() || undefined,
    array: executor?.capabilities.arrays && v.array.trim() ? v.array.trim() : undefined,
    labels: pairs(labelPairs(v.labels)),
    team: v.team || undefined,
    options: v.options && v.options.executor === v.executor ? v.options.value : undefined,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as JobSpec;
}

/**
 * The form field that shows a problem the server found at `path` (`resources.cpus`, `env.HOME`,
 * `command`), or undefined when no field on screen fits.
 */
export function formFieldOf(path: string): string | undefined {
  const exact: Record<string, string> = {
    'resources.cpus': 'cpus',
    'resources.memoryMb': 'memoryGb',
    'resources.gpus': 'gpus',
    'resources.gpuType': 'gpuType',
    'resources.timeLimitMinutes': 'timeHours',
  };
  const byRoot: Record<string, string> = {
    name: 'name',
    executor: 'executor',
    command: 'commandLine',
    script: 'script',
    workingDirectory: 'workingDirectory',
    partition: 'partition',
    array: 'array',
    labels: 'labels',
    team: 'team',
    env: 'env',
  };
  return exact[path] ?? byRoot[path.split('.')[0] ?? ''];
}
