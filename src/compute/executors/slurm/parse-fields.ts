/**
 * Parsers for the values Slurm prints in its tables: durations, memory sizes, time stamps, exit
 * codes and TRES lists. Each returns null for "no value" (N/A, NONE, Unknown, empty) and for
 * anything it does not understand; none throws.
 */

const NO_VALUE = new Set(['', 'N/A', 'NONE', 'None', 'None assigned', 'Unknown', '(null)', 'n/a']);
const UNLIMITED = new Set(['UNLIMITED', 'INFINITE', 'infinite', 'Partition_Limit']);

/** Seconds in a Slurm duration: `[D-][H:]M:S`, `D-H[:M[:S]]`, `M:S.mmm` (TotalCPU); null for none or unlimited. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (NO_VALUE.has(value) || UNLIMITED.has(value)) return null;
  const match = /^(?:(\d+)-)?(\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?(?::(\d+(?:\.\d+)?))?$/.exec(value);
  if (!match) return null;
  const [, days, a, b, c] = match;
  const d = Number(days ?? 0);
  let seconds: number;
  if (days !== undefined) {
    // With days, Slurm always starts at the hours: D-H, D-H:M, D-H:M:S.
    seconds = Number(a) * 3600 + Number(b ?? 0) * 60 + Number(c ?? 0);
  } else if (c !== undefined) {
    seconds = Number(a) * 3600 + Number(b) * 60 + Number(c);
  } else if (b !== undefined) {
    seconds = Number(a) * 60 + Number(b);
  } else {
    seconds = Number(a);
  }
  const total = d * 86_400 + seconds;
  return Number.isFinite(total) ? Math.round(total * 1000) / 1000 : null;
}

/** Minutes of a time limit (`1:00`, `365-00:00:00`, `UNLIMITED`, or sacct's raw minutes); null when unlimited. */
export function parseTimeLimitMinutes(text: string, raw = false): number | null {
  const value = text.trim();
  if (raw) return /^\d+$/.test(value) ? Number(value) : null;
  const seconds = parseDuration(value);
  return seconds === null ? null : Math.round(seconds / 60);
}

const MEMORY_UNITS: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024, P: 1024 ** 3 };

/** Megabytes in a Slurm memory size: `100M`, `1.5G`, `4000K`, `100Mn`/`100Mc` (older ReqMem); a bare number is MB. */
export function parseMemoryMb(text: string): number | null {
  const value = text.trim();
  if (NO_VALUE.has(value)) return null;
  const match = /^(\d+(?:\.\d+)?)([KMGTP])?[nc]?$/i.exec(value);
  if (!match) return null;
  const unit = MEMORY_UNITS[(match[2] ?? 'M').toUpperCase()] ?? 1;
  const mb = Number(match[1]) * unit;
  return Number.isFinite(mb) ? Math.round(mb * 1000) / 1000 : null;
}

/**
 * ISO time of a Slurm time stamp: Unix seconds (with `SLURM_TIME_FORMAT=%s`, which slurm-cli sets)
 * or the default `2026-11-28T13:12:10`, which is the cluster's local time and read as ours.
 */
export function parseTimestamp(text: string): string | null {
  const value = text.trim();
  if (NO_VALUE.has(value)) return null;
  if (/^\d{9,11}$/.test(value)) {
    const seconds = Number(value);
    return seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface ExitStatus {
  exitCode: number | null;
  signal: number | null;
}

/** `3:0` (sacct, scontrol: code, then signal). */
export function parseExitPair(text: string): ExitStatus {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match) return { exitCode: null, signal: null };
  const code = Number(match[1]);
  const signal = Number(match[2]);
  return signal > 0 ? { exitCode: null, signal } : { exitCode: code, signal: null };
}

/** squeue's `exit_code`: a raw wait status (768 is exit 3, 9 is signal 9). */
export function parseWaitStatus(text: string): ExitStatus {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return { exitCode: null, signal: null };
  const status = Number(value);
  const signal = status & 0x7f;
  return signal > 0 ? { exitCode: null, signal } : { exitCode: (status >> 8) & 0xff, signal: null };
}

export interface Tres {
  cpus?: number;
  memoryMb?: number;
  nodes?: number;
  gpus?: number;
}

/** The resources of a TRES list: `cpu=2,mem=600M,node=1,billing=2,gres/gpu=1` (or `gres/gpu:a100=1`). */
export function parseTres(text: string): Tres {
  const tres: Tres = {};
  for (const part of text.trim().split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === 'cpu' && /^\d+$/.test(value)) tres.cpus = Number(value);
    else if (key === 'node' && /^\d+$/.test(value)) tres.nodes = Number(value);
    else if (key === 'mem') tres.memoryMb = parseMemoryMb(value) ?? undefined;
    else if (key === 'gres/gpu' && /^\d+$/.test(value)) tres.gpus = Number(value);
  }
  return tres;
}

export interface GresGpu {
  type: string | null;
  count: number;
}

/** The GPUs in a gres string: `gpu:a100:2,gpu:t4:1(S:0)`, `gpu:2`, `(null)`; other gres are left out. */
export function parseGpuGres(text: string): GresGpu[] {
  const gpus: GresGpu[] = [];
  for (const raw of text.trim().split(/,(?![^(]*\))/)) {
    const part = raw.replace(/\(.*\)$/, '');
    const fields = part.split(':');
    if (fields[0] !== 'gpu') continue;
    const last = fields[fields.length - 1] ?? '';
    const count = /^\d+$/.test(last) ? Number(last) : 1;
    const type =
      fields.length >= 3 || (fields.length === 2 && !/^\d+$/.test(last)) ? (fields[1] ?? null) : null;
    gpus.push({ type: type || null, count });
  }
  return gpus;
}

/** Whether a field holds no value (N/A, NONE, empty...). */
export function isEmptyField(text: string): boolean {
  return NO_VALUE.has(text.trim());
}
