import type { JobSpec } from '../../api/job-types.js';
import { joinWords, shellQuote } from './split-words.js';

/** A memory size as the CLI's --memory reads it: whole gigabytes as `4G`, otherwise megabytes `1500M`. */
export function memoryFlag(mb: number): string {
  return mb % 1024 === 0 ? `${mb / 1024}G` : `${mb}M`;
}

/** A time limit as the CLI's --time reads it: `30m`, `4h`, `1h30m`. */
export function timeFlag(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}

/** Whether every field of the spec has a flag of `plinth job submit` (a script or executor options have none). */
function fitsFlags(spec: JobSpec): boolean {
  const options = spec.options && Object.keys(spec.options).length > 0;
  return !spec.script && !options && !spec.resources?.gpuType;
}

function flags(spec: JobSpec): string[] {
  const out: [string, string | number | undefined][] = [
    ['--name', spec.name],
    ['--executor', spec.executor],
    ['--cpus', spec.resources?.cpus],
    ['--memory', spec.resources?.memoryMb ? memoryFlag(spec.resources.memoryMb) : undefined],
    ['--gpus', spec.resources?.gpus || undefined],
    ['--time', spec.resources?.timeLimitMinutes ? timeFlag(spec.resources.timeLimitMinutes) : undefined],
    ['--partition', spec.partition],
    ['--array', spec.array],
    ...Object.entries(spec.labels ?? {}).map(([k, v]): [string, string] => ['--label', `${k}=${v}`]),
    ...Object.entries(spec.env ?? {}).map(([k, v]): [string, string] => ['--env', `${k}=${v}`]),
    ['--team', spec.team],
    ['--workdir', spec.workingDirectory],
  ];
  return out
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([flag, value]) => `${flag} ${shellQuote(String(value))}`);
}

/**
 * The `plinth job submit` command that sends the same spec. A command job becomes flags, one a
 * line, and the command after `--`; a spec that flags cannot carry (a script, executor options)
 * goes in as a job file read from the here-document.
 * @example cliCommand({ name: 'hi', command: ['echo', 'hi'] }) // "plinth job submit \\\n  --name hi \\\n  -- echo hi"
 */
export function cliCommand(spec: JobSpec): string {
  if (!fitsFlags(spec)) {
    return `plinth job submit /dev/stdin <<'PLINTH_JOB'\n${JSON.stringify(spec, null, 2)}\nPLINTH_JOB`;
  }
  // One flag a line, continued with a backslash: easy to read and to edit, and still one command.
  const command = joinWords(spec.command ?? []);
  const lines = [
    'plinth job submit',
    ...flags(spec).map((flag) => `  ${flag}`),
    `  --${command ? ` ${command}` : ''}`,
  ];
  return lines.join(' \\\n');
}
