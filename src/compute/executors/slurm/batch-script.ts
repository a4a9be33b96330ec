import type { JobSpec } from '../../job-spec.js';
import { commandLine, shellQuote } from '../../shell-quote.js';

/** What the batch script is made from. Secret values are not among it: only their names. */
export interface BatchScriptInput {
  /** Plinth's job id, exported to the job as PLINTH_JOB_ID. */
  jobId: string;
  spec: JobSpec;
  /** The job's output folder, as the cluster sees it. */
  outputDir: string;
  /** The partition to use when the spec names none. */
  partition?: string;
  /** Variables written into the script as `export` lines: the spec's own, no secret among them. */
  env: Record<string, string>;
  /** Variables that sbatch passes from its environment (secrets): named in a comment, never valued. */
  secretNames: string[];
  /** Extra `#SBATCH` options from the spec's options, already validated (`--account=x`, `--exclusive`). */
  extraOptions?: string[];
}

/** Environment the script may show (the spec's own values) and what only sbatch may carry (secrets). */
export function splitEnv(declared: Record<string, string> = {}, resolved: Record<string, string> = {}) {
  const publicEnv: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(resolved)) {
    const own = declared[name];
    if (own !== undefined && own === value && !own.startsWith('secret:')) publicEnv[name] = value;
    else secrets[name] = value;
  }
  for (const [name, value] of Object.entries(declared)) {
    if (!(name in resolved) && !value.startsWith('secret:')) publicEnv[name] = value;
  }
  return { publicEnv, secrets };
}

/** Where Slurm writes a job's stdout and stderr: `%j`, or `%A_%a` for an array's tasks. */
export function outputPatterns(outputDir: string, isArray: boolean) {
  const name = isArray ? 'slurm-%A_%a' : 'slurm-%j';
  return { stdout: `${outputDir}/${name}.out`, stderr: `${outputDir}/${name}.err` };
}

/** The paths Plinth reads logs from once the id is known; `{task}` stands for an array task's index. */
export function outputPaths(outputDir: string, externalId: string, isArray: boolean) {
  const name = isArray ? `slurm-${externalId}_{task}` : `slurm-${externalId}`;
  return { stdoutPath: `${outputDir}/${name}.out`, stderrPath: `${outputDir}/${name}.err` };
}

/** A value for an `#SBATCH` line: sbatch reads double quotes there, so a path with spaces survives. */
function directiveValue(value: string): string {
  return /^[A-Za-z0-9_./%:=,+@-]+$/.test(value) ? value : `"${value}"`;
}

function directives(input: BatchScriptInput): string[] {
  const { spec, outputDir } = input;
  const r = spec.resources ?? {};
  const isArray = Boolean(spec.array);
  const out = outputPatterns(outputDir, isArray);
  const partition = spec.partition ?? input.partition;
  const gres = r.gpus ? `gpu:${r.gpuType ? `${r.gpuType}:` : ''}${r.gpus}` : undefined;
  const lines: [string, string | number | undefined][] = [
    ['job-name', spec.name],
    ['partition', partition],
    ['cpus-per-task', r.cpus],
    ['mem', r.memoryMb === undefined ? undefined : `${r.memoryMb}M`],
    ['gres', gres],
    ['time', r.timeLimitMinutes],
    ['array', spec.array],
    ['chdir', spec.workingDirectory ?? outputDir],
    ['output', out.stdout],
    ['error', out.stderr],
  ];
  return [
    ...lines.flatMap(([key, value]) =>
      value === undefined ? [] : [`#SBATCH --${key}=${directiveValue(String(value))}`],
    ),
    ...(input.extraOptions ?? []).map((o) => `#SBATCH ${o}`),
  ];
}

/** Splits a user's script into its shebang, its leading comment block (its own #SBATCH lines) and the rest. */
function splitScript(script: string) {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  const shebang = lines[0]?.startsWith('#!') ? (lines.shift() as string) : '#!/bin/bash';
  let header = 0;
  while (header < lines.length && /^\s*(#.*)?$/.test(lines[header] as string)) header++;
  return { shebang, header: lines.slice(0, header), body: lines.slice(header) };
}

const SHELLS = /^#!\s*(?:\S*\/)?(?:env\s+)?(?:ba|z|k|da|c|tc)?sh(?:\s|$)/;

/** Whether a script's interpreter is a shell, which can take `export` lines. */
export function isShellScript(spec: JobSpec): boolean {
  return (
    !spec.script || SHELLS.test(spec.script.split('\n', 1)[0] as string) || !spec.script.startsWith('#!')
  );
}

/**
 * The sbatch script of a job, as it is submitted and shown to the user: `#SBATCH` lines from the
 * spec, the user's own header (whose `#SBATCH` lines then win), the environment, then the command
 * (shell-quoted word by word) or the user's script. Secret values never appear in it: sbatch
 * hands them to the job from its own environment. A script in another language (a python
 * shebang) cannot take `export` lines: its environment is listed in a comment and travels with
 * sbatch too.
 *
 * @example
 * batchScript({ jobId: 'j1', spec: { name: 'fit', command: ['python', 'fit.py'] }, outputDir: '/jobs/j1',
 *   env: {}, secretNames: [] })
 */
export function batchScript(input: BatchScriptInput): string {
  const { spec } = input;
  const { shebang, header, body } = spec.script
    ? splitScript(spec.script)
    : { shebang: '#!/bin/bash', header: [], body: [commandLine(spec.command ?? ['true'])] };
  const secrets = [...input.secretNames].sort();
  const env = Object.entries({ PLINTH_JOB_ID: input.jobId, ...input.env }).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const environment = isShellScript(spec)
    ? env.map(([name, value]) => `export ${name}=${shellQuote(value)}`)
    : env.map(([name, value]) => `# ${name}=${JSON.stringify(value)}  (passed by sbatch)`);
  const lines = [
    shebang,
    ...directives(input),
    ...header.filter((l) => l.trim() !== ''),
    `# Submitted by Plinth (job ${input.jobId}).`,
    ...(secrets.length
      ? [`# From the team vault, passed by sbatch and not written here: ${secrets.join(', ')}`]
      : []),
    ...environment,
    '',
    ...body,
  ];
  const text = lines.join('\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}
