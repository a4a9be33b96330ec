import type { Command } from 'commander';
import { createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import { type CliIo, fields, table, when } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import type { Task } from '../template-api.js';
import { checkLines, outputLines, stepLines } from '../template-views.js';

/** `plinth task …`: the history of template runs, one task's details, running a failed one again. */
export function registerTask(program: Command, io: CliIo): void {
  const task = program
    .command('task')
    .description('your template runs: list them, show one, run a failed one again')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth task ls --state failed
  $ plinth task show 01JD3Q8X4R7M2N5P6T9V0W1Y2Z
  $ plinth task rerun 01JD3Q8X4R7M2N5P6T9V0W1Y2Z`,
    );

  addPageOptions(
    task
      .command('ls')
      .description('your tasks, newest first (Keepers: --scope all for everyone’s)')
      .option('--scope <scope>', 'mine (default) or all (Keepers)')
      .option('--state <state>', 'queued, running, succeeded or failed')
      .addHelpText(
        'after',
        '\nExamples:\n  $ plinth task ls\n  $ plinth task ls --scope all --state failed --json',
      ),
  ).action(async (opts: PageOptions & { scope?: string; state?: string }, command: Command) => {
    const ctx = createContext(command, io);
    const page = await fetchList<Task>(
      ctx.client(),
      '/api/tasks',
      { scope: opts.scope, state: opts.state },
      opts,
    );
    printList(ctx.out, page, {
      empty: 'No task yet: `plinth new <template>` starts one.',
      human: (items) =>
        table(items, [
          { heading: 'id', cell: (t) => t.id },
          { heading: 'template', cell: (t) => t.templateTitle },
          { heading: 'state', cell: (t) => t.state },
          { heading: 'created', cell: (t) => when(t.createdAt) },
        ]),
    });
  });

  task
    .command('show <id>')
    .description('one task: its steps with their state, policy checks and outputs')
    .addHelpText('after', '\nExamples:\n  $ plinth task show 01JD3Q8X4R7M2N5P6T9V0W1Y2Z --json')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const t = await client.request<Task>('GET', `/api/tasks/${encodeURIComponent(id)}`);
      ctx.out.result(t, () =>
        [
          fields([
            ['Task', t.id],
            ['Template', `${t.templateTitle} (${t.templateRef})`],
            ['State', `${t.state}${t.attempt > 1 ? ` (attempt ${t.attempt})` : ''}`],
            ['Error', t.error ? `${t.error.code}: ${t.error.message}` : '-'],
            ['Created', when(t.createdAt)],
          ]),
          'Steps:',
          stepLines(t.steps),
          ...(t.checks.length ? ['Policy checks:', checkLines(t.checks)] : []),
          ...(t.output.length ? ['Outputs:', outputLines(t.output, client.baseUrl)] : []),
          '',
        ].join('\n'),
      );
    });

  task
    .command('rerun <id>')
    .description('run a failed task again from its first step, with the same values')
    .addHelpText('after', '\nExamples:\n  $ plinth task rerun 01JD3Q8X4R7M2N5P6T9V0W1Y2Z')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const t = await ctx.client().request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/rerun`);
      ctx.out.result(t, () => `${t.id}\n`);
      ctx.out.info(
        `Task ${t.id} queued again (attempt ${t.attempt}); follow it with \`plinth task show ${t.id}\`.`,
      );
    });
}
