import type { JobFormValues } from './job-form-model.js';
import { splitWords } from './split-words.js';

type Rule<T> = (value: T, values: JobFormValues) => string | null;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ARRAY = /^(\d{1,6})-(\d{1,6})(%(\d{1,4}))?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const checkName: Rule<string> = (value) => {
  const name = value.trim();
  if (!name) return 'Give the job a name, so you can find it later';
  if (name.length > 100) return 'At most 100 characters';
  if (!NAME.test(name))
    return 'Use letters, digits, dots, dashes and underscores, starting with a letter or digit';
  return null;
};

const checkCommand: Rule<string> = (value, values) => {
  if (values.mode !== 'command') return null;
  const split = splitWords(value);
  if (!split.ok) return split.error;
  if (split.words.length === 0) return 'Type the program to run and its arguments';
  return null;
};

const checkScript: Rule<string> = (value, values) => {
  if (values.mode !== 'script') return null;
  return value.trim() ? null : 'Write the script to run';
};

const wholeAtLeast =
  (min: number, max: number, what: string): Rule<number | ''> =>
  (value) => {
    if (value === '') return null;
    if (!Number.isInteger(value)) return `A whole number of ${what}`;
    if (value < min) return min === 1 ? `At least 1 ${what.replace(/s$/, '')}` : `At least ${min}`;
    if (value > max) return `At most ${max}`;
    return null;
  };

const checkMemory: Rule<number | ''> = (value) => {
  if (value === '') return null;
  if (value <= 0) return 'More than 0 GB';
  if (value > 16_384) return 'At most 16,384 GB';
  return null;
};

const checkTime: Rule<number | ''> = (_value, values) => {
  const { timeHours: h, timeMinutes: m } = values;
  if (h !== '' && (!Number.isInteger(h) || h < 0)) return 'Hours are a whole number';
  if (m !== '' && (!Number.isInteger(m) || m < 0 || m > 59)) return 'Minutes go from 0 to 59';
  if (h === '' && m === '') return null;
  const total = (h || 0) * 60 + (m || 0);
  if (total <= 0) return 'More than no time at all';
  if (total > 525_600) return 'At most 365 days';
  return null;
};

/** Checks an array range such as `0-9` or `0-9%2`, as the server will. */
export const checkArray: Rule<string> = (value) => {
  const text = value.trim();
  if (!text) return null;
  const match = ARRAY.exec(text);
  if (!match) return 'Write a range such as 0-9, or 0-9%2 for at most 2 tasks at once';
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (to < from) return 'The range ends before it starts';
  if (to - from >= 10_000) return 'At most 10,000 tasks';
  if (match[4] !== undefined && Number(match[4]) < 1) return 'At least 1 task at once';
  return null;
};

const checkLabels: Rule<string[]> = (labels) => {
  for (const label of labels) {
    const at = label.indexOf('=');
    if (at <= 0) return `“${label}” is not key=value`;
    if (at > 63) return `The key of “${label}” is longer than 63 characters`;
    if (label.length - at - 1 > 200) return `The value of “${label}” is longer than 200 characters`;
  }
  return null;
};

const checkEnvKey = (key: string, values: JobFormValues): string | null => {
  if (!key.trim()) return 'Name the variable, or remove the row';
  if (!ENV_NAME.test(key.trim())) return 'Letters, digits and _, not starting with a digit';
  if (values.env.filter((row) => row.key.trim() === key.trim()).length > 1) return 'Given twice';
  return null;
};

/** The rules of the new-job form, checked as people type. */
export const jobFormRules = {
  name: checkName,
  commandLine: checkCommand,
  script: checkScript,
  cpus: wholeAtLeast(1, 4096, 'CPUs'),
  memoryGb: checkMemory,
  gpus: wholeAtLeast(0, 64, 'GPUs'),
  timeHours: checkTime,
  array: checkArray,
  labels: checkLabels,
  workingDirectory: (value: string) => (value.length > 4096 ? 'At most 4,096 characters' : null),
  env: { key: checkEnvKey },
};
