import {
  isEmptyField,
  parseDuration,
  parseTimestamp,
  parseTres,
  parseWaitStatus,
  type Tres,
} from './parse-fields.js';
import { type MappedState, mapState } from './state-map.js';

/**
 * The fields slurm-cli asks squeue for (`-O`), in order. Name comes last so that a `|` in a job
 * name cannot shift the others. Text rather than `--json`: in 22.05 `squeue --json` ignores `-j`
 * and returns every job of the cluster.
 */
export const SQUEUE_FIELDS = [
  'JobID',
  'ArrayJobID',
  'ArrayTaskID',
  'State',
  'Reason',
  'exit_code',
  'StartTime',
  'EndTime',
  'NodeList',
  'tres-alloc',
  'TimeLimit',
  'Partition',
  'STDERR',
  'Name',
] as const;

/** The `-O` argument: every field unpadded, each followed by `|`. */
export const SQUEUE_FORMAT = SQUEUE_FIELDS.map((f) => `${f}:|`).join(',');

/** One job, or one array task, as squeue (`-r`: one line per task) shows it. */
export interface SqueueRow {
  jobId: string;
  /** The array's id (the id Plinth knows) for a task; the job's own id otherwise. */
  arrayJobId: string;
  arrayTaskId: number | null;
  status: MappedState;
  /** Slurm's reason code (`Resources`, `JobHeldUser`, `NonZeroExitCode`...), null for `None`. */
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  startedAt: string | null;
  endedAt: string | null;
  node: string | null;
  tres: Tres;
  timeLimitMinutes: number | null;
  partition: string;
  /** The stderr path as submitted, with `%j`, `%A`, `%a` not yet expanded. */
  stderrPattern: string | null;
  name: string;
}

export interface ParseResult<T> {
  rows: T[];
  /** Lines that could not be read, with why: logged, never thrown. */
  problems: string[];
}

const FINAL_OR_RUNNING = new Set(['running', 'succeeded', 'failed', 'cancelled', 'timeout']);

function row(fields: string[]): SqueueRow | string {
  const [jobId, arrayJobId, taskId, state, reason, exit, start, end, nodes, tres, limit, partition, stderr] =
    fields;
  const name = fields.slice(SQUEUE_FIELDS.length - 1).join('|');
  if (!jobId || !/^\d+$/.test(jobId)) return `no job id in '${fields.join('|')}'`;
  if (!state) return `no state for job ${jobId}`;
  const node = nodes && !isEmptyField(nodes) ? nodes : null;
  const status = mapState(state, node !== null);
  // A job that never got a node never started: squeue then shows the expected or the cancel time.
  const started = node !== null && FINAL_OR_RUNNING.has(status.state);
  const final = status.state !== 'pending' && status.state !== 'running';
  const limitSeconds = parseDuration(limit ?? '');
  return {
    jobId,
    arrayJobId: arrayJobId && /^\d+$/.test(arrayJobId) ? arrayJobId : jobId,
    arrayTaskId: taskId && /^\d+$/.test(taskId) ? Number(taskId) : null,
    status,
    reason: reason && !isEmptyField(reason) ? reason : null,
    ...(final ? parseWaitStatus(exit ?? '') : { exitCode: null, signal: null }),
    startedAt: started ? parseTimestamp(start ?? '') : null,
    endedAt: final && started ? parseTimestamp(end ?? '') : null,
    node,
    tres: parseTres(tres ?? ''),
    timeLimitMinutes: limitSeconds === null ? null : Math.round(limitSeconds / 60),
    partition: partition ?? '',
    stderrPattern: stderr && !isEmptyField(stderr) ? stderr : null,
    name,
  };
}

/**
 * Reads `squeue -h -t all -r -O <SQUEUE_FORMAT>`. Never throws: a line it cannot read is reported
 * in `problems`, so one odd job cannot hide the others.
 */
export function parseSqueue(text: string): ParseResult<SqueueRow> {
  const rows: SqueueRow[] = [];
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.replace(/\|$/, '').split('|');
    if (fields.length < SQUEUE_FIELDS.length) {
      problems.push(`squeue line with ${fields.length} fields, expected ${SQUEUE_FIELDS.length}: ${line}`);
      continue;
    }
    const parsed = row(fields);
    if (typeof parsed === 'string') problems.push(parsed);
    else rows.push(parsed);
  }
  return { rows, problems };
}

/** The path of a job's output pattern: Slurm's `%j`, `%A`, `%a`, `%x`, `%%` expanded (the rest left). */
export function expandOutputPattern(
  pattern: string,
  row: Pick<SqueueRow, 'jobId' | 'arrayJobId' | 'arrayTaskId' | 'name'>,
) {
  return pattern.replace(/%(\d*)([jAaxs%])/g, (_all, width: string, key: string) => {
    const pad = (value: string) => value.padStart(Number(width || 0), '0');
    switch (key) {
      case 'j':
        return pad(row.jobId);
      case 'A':
        return pad(row.arrayJobId);
      case 'a':
        return pad(String(row.arrayTaskId ?? 4294967294));
      case 'x':
        return row.name;
      case '%':
        return '%';
      default:
        return _all;
    }
  });
}
