import type { Parameter, SweepSpec } from '../../api/sweep-types.js';
import { splitWords } from '../new/split-words.js';

/** One parameter row of the form; numbers as typed, values as one comma-separated line. */
export interface ParamRow {
  key: string;
  name: string;
  type: 'int' | 'float' | 'categorical';
  min: number | string;
  max: number | string;
  scale: 'linear' | 'log';
  steps: number | string;
  values: string;
}

export interface SweepFormValues {
  name: string;
  executor: string;
  command: string;
  parameters: ParamRow[];
  metric: string;
  goal: 'minimize' | 'maximize';
  algorithm: 'grid' | 'random' | 'tpe';
  maxTrials: number | string;
  parallelism: number | string;
  seed: number | string;
  earlyStopping: boolean;
  minTrials: number | string;
}

let keys = 0;
export function paramRow(partial: Partial<ParamRow> = {}): ParamRow {
  keys += 1;
  return {
    key: `p${keys}`,
    name: '',
    type: 'float',
    min: '',
    max: '',
    scale: 'linear',
    steps: '',
    values: '',
    ...partial,
  };
}

export function emptySweepValues(executor: string): SweepFormValues {
  return {
    name: '',
    executor,
    command: '',
    parameters: [paramRow({ name: 'learning_rate', type: 'float', min: 0.0001, max: 0.1, scale: 'log' })],
    metric: 'loss',
    goal: 'minimize',
    algorithm: 'tpe',
    maxTrials: 20,
    parallelism: 2,
    seed: '',
    earlyStopping: false,
    minTrials: 5,
  };
}

const num = (value: number | string) => (value === '' ? undefined : Number(value));

/** A categorical value as typed: numbers and true/false as themselves, the rest as text. */
function categoryOf(text: string): string | number | boolean {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}

function parameterOf(row: ParamRow): Parameter {
  if (row.type === 'categorical') {
    return {
      name: row.name.trim(),
      type: 'categorical',
      values: row.values
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .map(categoryOf),
    };
  }
  const steps = num(row.steps);
  return {
    name: row.name.trim(),
    type: row.type,
    min: num(row.min) ?? 0,
    max: num(row.max) ?? 0,
    ...(row.scale === 'log' ? { scale: 'log' as const } : {}),
    ...(steps !== undefined ? { steps } : {}),
  };
}

/** The spec the form sends: the same document a sweep file holds. */
export function specFromValues(v: SweepFormValues): SweepSpec {
  const split = splitWords(v.command);
  const seed = num(v.seed);
  return {
    name: v.name.trim(),
    ...(v.executor ? { executor: v.executor } : {}),
    job: { command: split.ok ? split.words : [v.command] },
    parameters: v.parameters.map(parameterOf),
    objective: { metric: v.metric.trim(), goal: v.goal },
    algorithm: v.algorithm,
    maxTrials: num(v.maxTrials) ?? 1,
    parallelism: num(v.parallelism) ?? 1,
    ...(seed !== undefined ? { seed } : {}),
    ...(v.earlyStopping
      ? { earlyStopping: { rule: 'median' as const, minTrials: num(v.minTrials) ?? 5 } }
      : {}),
  };
}

/** The server names fields as in the spec (`parameters.0.max`); the form's are `parameters.0.max` too, or top-level. */
export function formFieldOf(path: string): string | undefined {
  if (/^parameters\.\d+\.(name|min|max|values|steps|scale)$/.test(path)) return path;
  const map: Record<string, string> = {
    name: 'name',
    executor: 'executor',
    'job.command': 'command',
    'objective.metric': 'metric',
    maxTrials: 'maxTrials',
    parallelism: 'parallelism',
    seed: 'seed',
  };
  return map[path];
}

/** Checks as you type, the same rules the server applies. */
export const sweepFormRules = {
  name: (v: string) =>
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(v.trim())
      ? null
      : 'Letters, digits, . _ -; start with a letter or digit',
  command: (v: string) => {
    if (v.trim() === '') return 'Say what each trial runs, e.g. python3 train.py';
    const split = splitWords(v);
    return split.ok ? null : split.error;
  },
  metric: (v: string) =>
    /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(v.trim())
      ? null
      : 'The name the trials print: PLINTH_METRIC <name>=<value>',
  maxTrials: (v: number | string) => (Number(v) >= 1 && Number.isInteger(Number(v)) ? null : 'At least 1'),
  parallelism: (v: number | string) => (Number(v) >= 1 && Number.isInteger(Number(v)) ? null : 'At least 1'),
  parameters: {
    name: (v: string) =>
      /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(v.trim())
        ? null
        : 'Letters, digits and _; it becomes PLINTH_PARAM_<NAME>',
    max: (v: number | string, values: SweepFormValues, path: string) => {
      const row = values.parameters[Number(path.split('.')[1])];
      if (!row || row.type === 'categorical') return null;
      if (row.min === '' || v === '') return 'Give min and max';
      return Number(v) > Number(row.min) ? null : `Must be above min (${row.min})`;
    },
    min: (v: number | string, values: SweepFormValues, path: string) => {
      const row = values.parameters[Number(path.split('.')[1])];
      if (!row || row.type === 'categorical') return null;
      if (row.scale === 'log' && v !== '' && Number(v) <= 0) return 'A log scale needs min above 0';
      return null;
    },
    values: (v: string, values: SweepFormValues, path: string) => {
      const row = values.parameters[Number(path.split('.')[1])];
      if (row?.type !== 'categorical') return null;
      return v.split(',').some((x) => x.trim() !== '') ? null : 'Give the values, separated by commas';
    },
    steps: (v: number | string, values: SweepFormValues, path: string) => {
      const row = values.parameters[Number(path.split('.')[1])];
      if (!row || values.algorithm !== 'grid' || row.type !== 'float') return null;
      return v !== '' && Number(v) >= 2 ? null : 'A grid over a float needs 2 or more steps';
    },
  },
};
