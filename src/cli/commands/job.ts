import { type Command, Option } from 'commander';
import { createContext } from '../context.js';
import {
  type ExecutorInfo,
  JOB_STATES,
  type Job,
  type JobDetail,
  jobPath,
  resolveJobId,
  SHORT_ID_LENGTH,
} from '../job-api.js';
import { executorsTable, jobDetail, jobsTable } from '../job-views.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import { registerJobCancel } from './job-cancel.js';
import { registerJobLogs } from './job-logs.js';
import { registerJobSubmit } from './job-submit.js';

interface ListOptions extends PageOptions {
  scope?: string;
  state?: string;
  executor?: string;
  label?: string;
  team?: string;
}

/** `plinth job …`: submit jobs to the compute executors, follow them, read their logs, cancel them. */
export function registerJob(program: Command, io: CliIo): void {
  const job = program
    .command('job')
    .description('submit jobs, list and inspect them, read their logs, cancel them')
    .addHelpText(
      'after',
      `
Where a job id is asked for, its last ${SHORT_ID_LENGTH} characters (as \`job ls\` shows) are enough.

Examples:
  $ plinth job submit --cpus 4 --memory 8G -- python train.py
  $ plinth job ls --state running
  $ plinth job logs 7Q2M9XKD -f`,
    );
  registerJobSubmit(job, io);
  registerList(job, io);
  registerShow(job, io);
  registerJobLogs(job, io);
  registerJobCancel(job, io);
  registerExecutors(job, io);
}

function registerList(job: Command, io: CliIo): void {
  addPageOptions(
    job
      .command('ls')
      .alias('list')
      .description(`list jobs, newest first: id (its last ${SHORT_ID_LENGTH} characters), name, state…`)
      .addOption(
        new Option('--scope <scope>', 'yours (default), your teams’, or all (Keepers)').choices([
          'mine',
          'team',
          'all',
        ]),
      )
      .addOption(new Option('--state <state>', 'only jobs in this state').choices(JOB_STATES))
      .option('--executor <name>', 'only jobs of this executor')
      .option('--label <key=value>', 'only jobs with this label')
      .option('--team <team>', 'only jobs of this team'),
  )
    .addHelpText(
      'after',
      `
A state marked "stale, as of HH:MM UTC" is the last one known: the executor has not answered since.

Examples:
  $ plinth job ls
  $ plinth job ls --scope team --state running
  $ plinth job ls --label project=climate --all --json | jq -r '.items[].id'`,
    )
    .action(async (opts: ListOptions, command: Command) => {
      const ctx = createContext(command, io);
      const { scope, state, executor, label, team } = opts;
      const page = await fetchList<Job>(
        ctx.client(),
        '/api/jobs',
        { scope, state, executor, label, team },
        opts,
      );
      printList(ctx.out, page, { empty: 'No jobs match.', human: (items) => jobsTable(items) });
    });
}

function registerShow(job: Command, io: CliIo): void {
  job
    .command('show <id>')
    .description('show a job: state and why, timings, exit code, node, tasks, labels')
    .option('--script', 'print the script the executor runs, generated from the spec')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth job show 7Q2M9XKD
  $ plinth job show 7Q2M9XKD --json | jq '.tasks'
  $ plinth job show 7Q2M9XKD --script`,
    )
    .action(async (id: string, opts: { script?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const detail = await client.request<JobDetail>('GET', jobPath(await resolveJobId(client, id)));
      if (opts.script && !ctx.out.json) {
        if (detail.script === null) ctx.out.info('The executor keeps no script for this job.');
        else io.stdout(detail.script.endsWith('\n') ? detail.script : `${detail.script}\n`);
        return;
      }
      ctx.out.result(detail, jobDetail);
    });
}

function registerExecutors(job: Command, io: CliIo): void {
  job
    .command('executors')
    .description('list the executors jobs can run on, the default one, and what each can do')
    .addHelpText('after', '\nExamples:\n  $ plinth job executors\n  $ plinth job executors --json')
    .action(async (_opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const list = await ctx.client().request<{ items: ExecutorInfo[] }>('GET', '/api/compute/executors');
      if (!ctx.out.json && list.items.length === 0) ctx.out.info('This server offers no executor.');
      else ctx.out.result(list, (value) => executorsTable(value.items));
    });
}
