import { type Command, InvalidArgumentError } from 'commander';
import type { ApiClient } from '../api-client.js';
import { CliError } from '../cli-error.js';
import { type CliContext, createContext } from '../context.js';
import { firstTask, type Job, jobPath } from '../job-api.js';
import { placeErrors, readJobFile } from '../job-file.js';
import { followLog, waitForJob } from '../job-follow.js';
import { createJobProgress, untilInterrupted } from '../job-progress.js';
import { buildSpec, type SpecFlags } from '../job-spec-flags.js';
import { type Parsed, parseKeyValue, parseMemory, parseTimeLimit } from '../job-units.js';
import { endedLine, submittedLine } from '../job-views.js';
import { integerIn } from '../options.js';
import type { CliIo } from '../output.js';

interface SubmitOptions extends SpecFlags {
  dryRun?: boolean;
  wait?: boolean;
  follow?: boolean;
}

/** A commander option parser from one of the job-unit parsers: a bad value is a usage error. */
function unit(parse: (text: string) => Parsed<number>): (text: string) => number {
  return (text) => {
    const parsed = parse(text);
    if (!parsed.ok) throw new InvalidArgumentError(`${parsed.error}.`);
    return parsed.value;
  };
}

/** Collects repeated `key=value` options into one object; a later key wins. */
function pairs(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const parsed = parseKeyValue(text);
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.error}.`);
  return { ...previous, [parsed.value[0]]: parsed.value[1] };
}

/** `plinth job submit`: send a job from a file or a command line; optionally wait for it or follow its log. */
export function registerJobSubmit(job: Command, io: CliIo): void {
  job
    .command('submit')
    .usage('[options] [job.yaml] [-- command [args...]]')
    .description('submit a job from a job file, or the command after --; prints its id')
    .argument('[file]', 'a job file, YAML or JSON, holding what POST /api/jobs takes')
    .argument('[command...]', 'after --: the program to run and its arguments')
    .option('--name <name>', 'job name (default: the program’s basename)')
    .option('--executor <name>', 'where to run it (default: the server’s; see `plinth job executors`)')
    .option('--cpus <n>', 'CPU cores per task', integerIn(1, 4096))
    .option('--memory <size>', 'memory per task: 512M, 4G, 1.5T (a bare number is MB)', unit(parseMemory))
    .option('--gpus <n>', 'GPUs per task', integerIn(0, 64))
    .option('--time <limit>', 'time limit: 90m, 2h, 1h30m, 1:30:00 or 2-00:00:00', unit(parseTimeLimit))
    .option('--partition <name>', 'queue or partition')
    .option('--array <range>', 'run one task per index: 0-9, or 0-9%2 for at most 2 at once')
    .option('--label <key=value>', 'a label, to find the job by (repeatable)', pairs)
    .option('--env <NAME=value>', 'an environment variable of the job (repeatable)', pairs)
    .option('--team <team>', 'the owning team, one of yours (default: your first)')
    .option('--workdir <dir>', 'the folder the job starts in')
    .option('--dry-run', 'print the spec that would be sent, as JSON, and send nothing')
    .option('--wait', 'wait until the job ends; exit 0 if it succeeded, 1 otherwise')
    .option('--follow', 'print the job’s stdout as it comes while waiting (implies --wait)')
    .addHelpText(
      'after',
      `
Flags override the file's fields; --label and --env add to its labels and env, and a command
after -- replaces its command or script. Prints the job id on stdout (not with --follow, where
stdout is the job's own output) and a summary on stderr; --json prints the job instead.

Examples:
  $ plinth job submit -- python train.py --epochs 10
  $ plinth job submit --cpus 4 --memory 8G --time 2h --label project=climate -- ./run.sh
  $ plinth job submit job.yaml --array 0-99%10
  $ plinth job submit --wait -- make test
  $ plinth job submit --follow job.yaml
  $ plinth job submit job.yaml --dry-run`,
    )
    .action(async (first: string | undefined, rest: string[], opts: SubmitOptions, command: Command) => {
      const ctx = createContext(command, io);
      if (opts.follow && ctx.out.json) {
        throw CliError.usage('--follow prints the job’s own output on stdout; use --wait with --json.');
      }
      const { file: path, argv } = splitOperands(command, first === undefined ? rest : [first, ...rest]);
      const file = path === undefined ? undefined : await readJobFile(path);
      if (file === undefined && argv.length === 0) {
        throw CliError.usage('give a job file, or the command after --: plinth job submit -- echo hello');
      }
      const { spec, fromFlags } = buildSpec(file?.spec ?? {}, opts, argv);
      if (opts.dryRun) {
        io.stdout(`${JSON.stringify(spec, null, 2)}\n`);
        ctx.out.info('Dry run: nothing was submitted.');
        return;
      }
      const client = ctx.client();
      const job = await client.request<Job>('POST', '/api/jobs', { body: spec }).catch((error: unknown) => {
        throw file === undefined ? error : placeErrors(error, file, fromFlags);
      });
      if (!ctx.out.json && !opts.follow) io.stdout(`${job.id}\n`);
      ctx.out.info(submittedLine(job));
      if (!opts.wait && !opts.follow) return ctx.out.jsonOnly(job);
      const ended = await untilInterrupted(io, job.id, () => watch(ctx, client, job, opts.follow === true));
      ctx.out.jsonOnly(ended);
      if (ended.state !== 'succeeded') {
        const details = { id: ended.id, state: ended.state, exitCode: ended.exitCode };
        throw new CliError('CLI_JOB_FAILED', endedLine(ended), { details });
      }
      ctx.out.info(endedLine(ended));
    });
}

/**
 * Tells the file from the command: operands after `--` are the job's argv. Commander drops the
 * `--` from the operands, so those after it are counted in the raw argv of the program.
 */
function splitOperands(command: Command, operands: string[]): { file?: string; argv: string[] } {
  let root = command;
  while (root.parent !== null) root = root.parent;
  const raw = (root as unknown as { rawArgs: string[] }).rawArgs;
  const dash = raw.indexOf('--');
  const argvLength = dash < 0 ? 0 : Math.min(raw.length - dash - 1, operands.length);
  const before = operands.slice(0, operands.length - argvLength);
  if (before.length > 1) {
    throw CliError.usage(`put the command after --: plinth job submit [options] -- ${before.join(' ')}`);
  }
  return { file: before[0], argv: operands.slice(operands.length - argvLength) };
}

/** Waits for the job (following its log with `follow`) with progress on stderr; returns it ended. */
async function watch(ctx: CliContext, client: ApiClient, job: Job, follow: boolean): Promise<Job> {
  // A followed log shares the terminal with the progress, which must not redraw over it.
  const progress = createJobProgress(ctx.io, { animate: !follow });
  try {
    if (!follow) return await waitForJob(client, job.id, (latest) => progress.update(latest));
    await followLog(client, job.id, {
      stream: 'stdout',
      task: firstTask(job.spec.array),
      onText: ctx.io.stdout,
      onState: (state) => progress.update({ ...job, state: state as Job['state'], stale: false }),
    });
    return await client.request<Job>('GET', jobPath(job.id));
  } finally {
    progress.done();
  }
}
