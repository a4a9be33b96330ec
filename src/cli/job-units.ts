/** What a parser of a user-typed value returns: the value, or a message saying what was expected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** The largest memory a job spec accepts (`resources.memoryMb`): 16 TiB. */
export const MAX_MEMORY_MB = 16_777_216;
/** The longest time limit a job spec accepts (`resources.timeLimitMinutes`): one year. */
export const MAX_TIME_MINUTES = 525_600;

const MB_PER_UNIT: Record<string, number> = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 };

/**
 * Reads a memory size as Slurm writes it, in binary units: `512M`, `4G`, `1.5G`, `1T`
 * (`GB`, `Gi` and `GiB` mean the same); a bare number is megabytes. Rounded up to whole MB.
 * @example parseMemory('4G') // { ok: true, value: 4096 }
 */
export function parseMemory(text: string): Parsed<number> {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  const expected = `expected a size such as 512M, 4G or 1.5T, got '${text}'`;
  if (match === null) return fail(expected);
  const [, amount = '', unit = ''] = match;
  const megabytes = Math.ceil(Number(amount) * (MB_PER_UNIT[unit.toLowerCase()] ?? 1));
  if (megabytes < 1) return fail(`'${text}' is no memory at all; ask for at least 1M`);
  if (megabytes > MAX_MEMORY_MB) return fail(`'${text}' is more than the limit of 16T`);
  return ok(megabytes);
}

const MINUTES_PER_UNIT: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 24 * 60 };

/**
 * Reads a time limit: `90m`, `2h`, `1h30m`, `1d`, `1:30:00` (H:MM:SS), `2-12:00:00` (days-H:MM:SS,
 * as Slurm writes it), or a bare number of minutes. Seconds are rounded up to whole minutes.
 * @example parseTimeLimit('1:30:00') // { ok: true, value: 90 }
 */
export function parseTimeLimit(text: string): Parsed<number> {
  const trimmed = text.trim();
  const seconds = clockSeconds(trimmed) ?? unitSeconds(trimmed);
  if (seconds === undefined) {
    return fail(`expected a duration such as 90m, 2h, 1h30m or 1:30:00 (H:MM:SS), got '${text}'`);
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 1) return fail(`'${text}' is no time at all; ask for at least 1m`);
  if (minutes > MAX_TIME_MINUTES) return fail(`'${text}' is more than the limit of 365 days`);
  return ok(minutes);
}

/** `H:MM:SS` or `D-H:MM:SS`, in seconds; undefined when `text` has another shape. */
function clockSeconds(text: string): number | undefined {
  const match = /^(?:(\d{1,3})-)?(\d{1,6}):([0-5]\d):([0-5]\d)$/.exec(text);
  if (match === null) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

/** A bare number of minutes, or numbers with units (`1h30m`), in seconds; undefined otherwise. */
function unitSeconds(text: string): number | undefined {
  if (/^\d{1,9}$/.test(text)) return Number(text) * 60;
  if (!/^(?:\d{1,9}(?:\.\d{1,6})?[smhd])+$/i.test(text)) return undefined;
  let minutes = 0;
  for (const [, amount = '', unit = ''] of text.matchAll(/(\d+(?:\.\d+)?)([smhd])/gi)) {
    minutes += Number(amount) * (MINUTES_PER_UNIT[unit.toLowerCase()] ?? 0);
  }
  // Rounded to the second, so that 0.1h is exactly 6 minutes and not a hair more.
  return Math.round(minutes * 60);
}

/**
 * Reads `key=value` (the value may hold more `=`, or be empty), as `--label` and `--env` take it.
 * @example parseKeyValue('project=climate') // { ok: true, value: ['project', 'climate'] }
 */
export function parseKeyValue(text: string): Parsed<[key: string, value: string]> {
  const at = text.indexOf('=');
  if (at < 0) return fail(`expected key=value, got '${text}'`);
  const key = text.slice(0, at).trim();
  if (key === '') return fail(`'${text}' has no key before the =`);
  return ok([key, text.slice(at + 1)]);
}
