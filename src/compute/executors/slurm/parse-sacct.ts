import {
  isEmptyField,
  parseDuration,
  parseExitPair,
  parseMemoryMb,
  parseTimeLimitMinutes,
  parseTimestamp,
  parseTres,
} from './parse-fields.js';
import type { ParseResult } from './parse-squeue.js';
import { type MappedState, mapState } from './state-map.js';

/** What slurm-cli asks `sacct -c` for when only jobcomp/filetxt keeps finished jobs (no usage there). */
export const SACCT_JOBCOMP_FIELDS = [
  'JobIDRaw',
  'JobID',
  'State',
  'ExitCode',
  'Start',
  'End',
  'ElapsedRaw',
  'NodeList',
  'AllocCPUS',
  'TimelimitRaw',
  'Partition',
  'JobName',
] as const;

/** What slurm-cli asks `sacct` for with slurmdbd: the same plus what the job used, step by step. */
export const SACCT_FIELDS = [
  ...SACCT_JOBCOMP_FIELDS.slice(0, -1),
  'ReqMem',
  'AllocTRES',
  'TotalCPU',
  'MaxRSS',
  'JobName',
] as const;

/** One finished (or accounted) job or array task, its steps folded in. */
export interface SacctRow {
  jobIdRaw: string;
  /** The id Plinth knows: the array's id for a task (`6_3` → `6`), else the job's. */
  arrayJobId: string;
  arrayTaskId: number | null;
  status: MappedState;
  exitCode: number | null;
  signal: number | null;
  startedAt: string | null;
  endedAt: string | null;
  elapsedSeconds: number | null;
  node: string | null;
  cpus: number | null;
  timeLimitMinutes: number | null;
  partition: string;
  requestedMemoryMb: number | null;
  cpuSeconds: number | null;
  maxRssMb: number | null;
  name: string;
}

type Record_ = Record<string, string>;

function record(fields: readonly string[], line: string): Record_ | null {
  const values = line.split('|');
  if (values.length < fields.length) return null;
  // The last field (JobName) takes whatever `|` it contains.
  const tail = values.slice(fields.length - 1).join('|');
  return Object.fromEntries(fields.map((f, i) => [f, i === fields.length - 1 ? tail : (values[i] ?? '')]));
}

function fromRecord(r: Record_): SacctRow | string {
  const displayId = r.JobID ?? '';
  const raw = r.JobIDRaw ?? '';
  const array = /^(\d+)_(\d+)$/.exec(displayId);
  if (!/^\d+$/.test(raw) && !array) return `no job id in sacct line for '${displayId}'`;
  const node = r.NodeList && !isEmptyField(r.NodeList) ? r.NodeList : null;
  const status = mapState(r.State ?? '', node !== null);
  const alloc = parseTres(r.AllocTRES ?? '');
  const cpus = /^\d+$/.test(r.AllocCPUS ?? '') ? Number(r.AllocCPUS) : null;
  const maxRss = r.MaxRSS ? parseMemoryMb(r.MaxRSS) : null;
  const totalCpu = r.TotalCPU ? parseDuration(r.TotalCPU) : null;
  return {
    jobIdRaw: /^\d+$/.test(raw) ? raw : (array?.[1] ?? raw),
    arrayJobId: array ? (array[1] as string) : raw,
    arrayTaskId: array ? Number(array[2]) : null,
    status,
    ...parseExitPair(r.ExitCode ?? ''),
    startedAt: node ? parseTimestamp(r.Start ?? '') : null,
    endedAt: parseTimestamp(r.End ?? ''),
    elapsedSeconds: /^\d+$/.test(r.ElapsedRaw ?? '') ? Number(r.ElapsedRaw) : null,
    node,
    cpus: cpus && cpus > 0 ? cpus : (alloc.cpus ?? null),
    timeLimitMinutes: parseTimeLimitMinutes(r.TimelimitRaw ?? '', true),
    partition: r.Partition ?? '',
    requestedMemoryMb: alloc.memoryMb ?? (r.ReqMem ? parseMemoryMb(r.ReqMem) : null),
    cpuSeconds: totalCpu,
    maxRssMb: maxRss,
    name: r.JobName ?? '',
  };
}

/** Folds a step's usage (`123.batch`, `6_3.0`) into its job: the peak memory is the largest step's. */
function foldStep(job: SacctRow, step: SacctRow): void {
  if (step.maxRssMb !== null) job.maxRssMb = Math.max(job.maxRssMb ?? 0, step.maxRssMb);
  if (job.cpuSeconds === null && step.cpuSeconds !== null) job.cpuSeconds = step.cpuSeconds;
}

/**
 * Reads `sacct -P -n -o <fields>` (or `sacct -c`, jobcomp). Steps are folded into their job; a
 * pending array's `6_[4-9]` line is skipped (squeue speaks for pending jobs). Never throws.
 */
export function parseSacct(text: string, fields: readonly string[] = SACCT_FIELDS): ParseResult<SacctRow> {
  const jobs = new Map<string, SacctRow>();
  const steps: [string, SacctRow][] = [];
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const r = record(fields, line);
    if (!r) {
      problems.push(`sacct line with too few fields: ${line}`);
      continue;
    }
    const id = r.JobID ?? '';
    if (/_\[/.test(id)) continue;
    const dot = id.indexOf('.');
    const parsed = fromRecord(dot > 0 ? { ...r, JobID: id.slice(0, dot), JobIDRaw: id.slice(0, dot) } : r);
    if (typeof parsed === 'string') {
      problems.push(parsed);
      continue;
    }
    if (dot > 0) steps.push([id.slice(0, dot), parsed]);
    else jobs.set(id, parsed);
  }
  for (const [jobKey, step] of steps) {
    const job = jobs.get(jobKey);
    if (job) foldStep(job, step);
  }
  return { rows: [...jobs.values()], problems };
}
