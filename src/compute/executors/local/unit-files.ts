import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobSpec } from '../../job-spec.js';
import { commandLine } from '../../shell-quote.js';

/**
 * The files of one unit of work (a job, or one task of an array) in its folder. They outlive the
 * Plinth process: after a restart, the executor learns from them what happened meanwhile.
 */
export const FILES = {
  command: 'command.sh',
  wrapper: 'run.sh',
  stdout: 'stdout.log',
  stderr: 'stderr.log',
  pid: 'pid',
  started: 'started',
  exit: 'exit',
  /** Written by Plinth before it kills the unit: `cancelled` or `timeout`. */
  outcome: 'outcome',
  request: 'request.json',
} as const;

/**
 * The wrapper runs as Plinth's own user and records the start and the exit code itself, in the
 * unit's folder, so both survive a Plinth restart; `launch` runs the job (as its user, in its
 * sandbox and folder). The job never writes in this folder: it gets its output streams as open files.
 */
const wrapper = (launch: string) => `#!/bin/sh
cd "$(dirname "$0")" || exit 1
date -u +%Y-%m-%dT%H:%M:%S.%3NZ > started.tmp && mv started.tmp started
${launch}
code=$?
printf '%s %s' "$code" "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" > exit.tmp && mv exit.tmp exit
exit $code
`;

/** The user's program as a script: the argv, quoted, or the script as written (its shebang is kept). */
export function commandScript(spec: JobSpec): string {
  if (spec.script) return spec.script.startsWith('#!') ? spec.script : `#!/bin/sh\n${spec.script}`;
  return `#!/bin/sh\nexec ${commandLine(spec.command ?? ['true'])}\n`;
}

/**
 * Prepares a unit's folder: the two scripts and the request to resume it after a restart. The
 * folder is Plinth's alone; the command script is readable by the job's user, who sees only it.
 */
export function writeUnit(dir: string, spec: JobSpec, request: object, launch: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, FILES.command), commandScript(spec), { mode: 0o755 });
  writeFileSync(join(dir, FILES.wrapper), wrapper(launch), { mode: 0o700 });
  writeFileSync(join(dir, FILES.request), JSON.stringify(request), { mode: 0o600 });
}

const read = (dir: string, file: string): string | undefined => {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
};

/** What a unit's folder says about it. */
export function readUnit(dir: string) {
  const exit = read(dir, FILES.exit)?.split(' ');
  const pid = Number(read(dir, FILES.pid));
  return {
    exists: existsSync(join(dir, FILES.request)),
    pid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
    startedAt: read(dir, FILES.started),
    exitCode: exit ? Number(exit[0]) : undefined,
    endedAt: exit?.[1],
    outcome: read(dir, FILES.outcome) as 'cancelled' | 'timeout' | undefined,
    request: read(dir, FILES.request),
  };
}

export function markOutcome(dir: string, outcome: 'cancelled' | 'timeout'): void {
  writeFileSync(join(dir, FILES.outcome), outcome);
}

/** True when `pid` is a live (not zombie) process running this unit's wrapper. */
export function isUnitAlive(pid: number, dir: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(join(dir, FILES.wrapper));
  } catch {
    return false;
  }
}
