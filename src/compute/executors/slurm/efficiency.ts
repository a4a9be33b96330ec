import { formatMb, formatMinutes, roundUpMemoryMb, roundUpMinutes } from './units.js';

/** What a finished job asked for and used, from accounting. Unknown values are null. */
export interface UsageFacts {
  cpus: number | null;
  elapsedSeconds: number | null;
  /** CPU time of all its processes (sacct TotalCPU). */
  cpuSeconds: number | null;
  requestedMemoryMb: number | null;
  /** Peak resident memory (sacct MaxRSS of its largest step). */
  maxRssMb: number | null;
  timeLimitMinutes: number | null;
  succeeded: boolean;
}

/** How much of what it asked for a job used, in percent, with concrete advice for the next run. */
export interface Efficiency {
  cpuPercent: number | null;
  memoryPercent: number | null;
  timePercent: number | null;
  advice: string[];
}

const percent = (used: number, of: number) => Math.round((used / of) * 1000) / 10;

function memoryAdvice(f: UsageFacts): string | null {
  const { requestedMemoryMb: asked, maxRssMb: peak } = f;
  if (!asked || peak === null || asked < 1024 || peak > asked / 2) return null;
  const suggest = roundUpMemoryMb(peak * 1.3);
  if (suggest >= asked) return null;
  return `Requested ${formatMb(asked)}, peak ${formatMb(peak)}: ask for ${formatMb(suggest)} and it will start sooner.`;
}

function cpuAdvice(f: UsageFacts, cpuPercent: number | null): string | null {
  if (cpuPercent === null || !f.cpus || !f.elapsedSeconds || f.elapsedSeconds < 60) return null;
  const busy = (f.cpus * cpuPercent) / 100;
  if (f.cpus > 1 && cpuPercent < 60) {
    const suggest = Math.max(1, Math.ceil(busy));
    if (suggest < f.cpus) {
      return `Used ${busy.toFixed(1)} of its ${f.cpus} CPUs on average: ask for ${suggest} and it will start sooner, unless the program can be made to use them all.`;
    }
  }
  if (f.cpus === 1 && cpuPercent < 20) {
    return `Its CPU was busy only ${Math.round(cpuPercent)}% of the time: the job mostly waited (for files, the network or a GPU).`;
  }
  return null;
}

function timeAdvice(f: UsageFacts): string | null {
  const { timeLimitMinutes: limit, elapsedSeconds: elapsed } = f;
  if (!f.succeeded || !limit || elapsed === null || limit < 60) return null;
  const ranMinutes = elapsed / 60;
  if (ranMinutes > limit / 4) return null;
  const suggest = roundUpMinutes(ranMinutes * 1.5);
  if (suggest >= limit) return null;
  return `Ran ${formatMinutes(Math.max(1, ranMinutes))} of its ${formatMinutes(limit)} limit: ask for ${formatMinutes(suggest)} and it will start sooner (backfill).`;
}

/**
 * CPU, memory and time efficiency of a finished job (used vs requested), as `seff` reports them,
 * plus advice when it asked for much more than it used.
 * @example efficiency({ cpus: 1, elapsedSeconds: 600, cpuSeconds: 590, requestedMemoryMb: 65536,
 *   maxRssMb: 3072, timeLimitMinutes: 60, succeeded: true }).advice
 * // ['Requested 64 GB, peak 3 GB: ask for 4 GB and it will start sooner.']
 */
export function efficiency(f: UsageFacts): Efficiency {
  const cpuPercent =
    f.cpuSeconds !== null && f.cpus && f.elapsedSeconds
      ? percent(f.cpuSeconds, f.cpus * f.elapsedSeconds)
      : null;
  const memoryPercent =
    f.maxRssMb !== null && f.requestedMemoryMb ? percent(f.maxRssMb, f.requestedMemoryMb) : null;
  const timePercent =
    f.elapsedSeconds !== null && f.timeLimitMinutes
      ? percent(f.elapsedSeconds, f.timeLimitMinutes * 60)
      : null;
  const advice = [memoryAdvice(f), cpuAdvice(f, cpuPercent), timeAdvice(f)].filter(
    (a): a is string => a !== null,
  );
  return { cpuPercent, memoryPercent, timePercent, advice };
}
