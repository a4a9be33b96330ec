import { spinner } from '@clack/prompts';
import { type Command, Option } from 'commander';
import type { ApiClient } from '../api-client.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { shortId } from '../job-api.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import { isSweepOver, SWEEP_STATES, type Sweep, type SweepDetail, sweepPath } from '../sweep-api.js';
import { readSweepFile } from '../sweep-file.js';
import { bestLine, progressLine, sweepDetail, sweepsTable } from '../sweep-views.js';

/** `plinth sweep …`: hyperparameter sweeps — start one from a file, follow it, list, inspect, stop. */
export function registerSweep(program: Command, io: CliIo): void {
  const sweep = program
    .command('sweep')
    .description('run hyperparameter sweeps: trials of a job over a parameter space, and the best')
    .addHelpText(
      'after',
      `
A sweep file holds what POST /api/sweeps takes (see docs/reference/sweeps.md). Where a sweep id is
asked for, the full id is needed (as \`sweep ls --json\` shows).

Examples:
  $ plinth sweep run sweep.yaml --wait
  $ plinth sweep ls
  $ plinth sweep show 01JD7Q2M9XKD3V5W8Y0ZABCDEF`,
    );
  registerRun(sweep, io);
  registerList(sweep, io);
  registerShow(sweep, io);
  registerStop(sweep, io);
}

function registerRun(sweep: Command, io: CliIo): void {
  sweep
    .command('run <file>')
    .description('start a sweep from a sweep file (YAML or JSON); prints its id')
    .option('--wait', 'wait until the sweep ends, showing trials done, running and the best so far')
    .option('--dry-run', 'print the sweep that would be sent, as JSON, and send nothing')
    .addHelpText(
      'after',
      `
Exits 0 once a sweep waited for succeeded, 1 when it failed or was stopped.

Examples:
  $ plinth sweep run sweep.yaml
  $ plinth sweep run sweep.yaml --wait
  $ plinth sweep run sweep.yaml --wait --json | jq '.best'`,
    )
    .action(async (file: string, opts: { wait?: boolean; dryRun?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      const spec = await readSweepFile(file);
      if (opts.dryRun) {
        io.stdout(`${JSON.stringify(spec, null, 2)}\n`);
        ctx.out.info('Dry run: nothing was sent.');
        return;
      }
      const client = ctx.client();
      const created = await client.request<Sweep>('POST', '/api/sweeps', { body: spec });
      if (!ctx.out.json) io.stdout(`${created.id}\n`);
      ctx.out.info(`Sweep ${shortId(created.id)} started: ${created.name}`);
      if (!opts.wait) return ctx.out.jsonOnly(created);
      const ended = await follow(io, client, created.id);
      ctx.out.jsonOnly(ended);
      const line = `Sweep ${shortId(ended.id)} ${ended.state}${ended.reason ? ` (${ended.reason})` : ''}; best ${bestLine(ended)}`;
      if (ended.state !== 'succeeded') {
        throw new CliError('CLI_SWEEP_FAILED', line, { details: { id: ended.id, state: ended.state } });
      }
      ctx.out.info(line);
    });
}

/** Polls the sweep until it ends; a spinner line on a terminal, a line per change otherwise. */
async function follow(io: CliIo, client: ApiClient, id: string): Promise<SweepDetail> {
  const tty = io.isStderrTty === true;
  const spin = tty ? spinner({ output: process.stderr, withGuide: false, indicator: 'timer' }) : undefined;
  let last = '';
  let started = false;
  const onInterrupt = () => {
    io.stderr(`\nStopped waiting; the sweep goes on. Stop it with \`plinth sweep stop ${id}\`.\n`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    for (;;) {
      const sweep = await client.request<SweepDetail>('GET', sweepPath(id));
      const line = progressLine(sweep);
      if (spin) {
        if (started) spin.message(line);
        else spin.start(line);
        started = true;
      } else if (line !== last) io.stderr(`${line}\n`);
      last = line;
      if (isSweepOver(sweep.state)) {
        if (spin && started) spin.clear();
        return sweep;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function registerList(sweep: Command, io: CliIo): void {
  addPageOptions(
    sweep
      .command('ls')
      .alias('list')
      .description('list sweeps, newest first: id, name, state, trials, best')
      .addOption(
        new Option('--scope <scope>', 'yours (default), your teams’, or all (Keepers)').choices([
          'mine',
          'team',
          'all',
        ]),
      )
      .addOption(new Option('--state <state>', 'only sweeps in this state').choices(SWEEP_STATES)),
  )
    .addHelpText('after', '\nExamples:\n  $ plinth sweep ls\n  $ plinth sweep ls --state running --json')
    .action(async (opts: PageOptions & { scope?: string; state?: string }, command: Command) => {
      const ctx = createContext(command, io);
      const page = await fetchList<Sweep>(
        ctx.client(),
        '/api/sweeps',
        { scope: opts.scope, state: opts.state },
        opts,
      );
      printList(ctx.out, page, {
        empty: 'No sweeps yet: start one with `plinth sweep run sweep.yaml`.',
        human: (items) => sweepsTable(items),
      });
    });
}

function registerShow(sweep: Command, io: CliIo): void {
  sweep
    .command('show <id>')
    .description('show a sweep: state, best trial and its parameters, every trial')
    .addHelpText(
      'after',
      "\nExamples:\n  $ plinth sweep show 01JD7Q2M9XKD3V5W8Y0ZABCDEF\n  $ plinth sweep show 01JD7Q2M9XKD3V5W8Y0ZABCDEF --json | jq '.trials[] | {number, value}'",
    )
    .action(async (id: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      ctx.out.result(await ctx.client().request<SweepDetail>('GET', sweepPath(id)), sweepDetail);
    });
}

function registerStop(sweep: Command, io: CliIo): void {
  sweep
    .command('stop <id>')
    .description('stop a sweep: no new trials, running ones cancelled, finished ones kept')
    .addHelpText('after', '\nExamples:\n  $ plinth sweep stop 01JD7Q2M9XKD3V5W8Y0ZABCDEF')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const stopped = await ctx.client().request<Sweep>('POST', `${sweepPath(id)}/stop`);
      ctx.out.info(`Sweep ${shortId(stopped.id)} is stopping: its running trials are being cancelled.`);
      ctx.out.jsonOnly(stopped);
    });
}
