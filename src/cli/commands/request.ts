import { readFile } from 'node:fs/promises';
import { select, text } from '@clack/prompts';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { type CliContext, createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import {
  REQUEST_STATES,
  type RequestComment,
  type RequestDetail,
  type RequestOptions,
  type RequestSummary,
  requestPath,
  URGENCIES,
} from '../request-api.js';
import { requestDetail, requestsTable } from '../request-views.js';
import { registerRequestClose, registerRequestTriage } from './request-keeper.js';

interface NewOptions {
  title?: string;
  category?: string;
  urgency?: string;
  description?: string;
  descriptionFile?: string;
  team?: string;
  entity?: string;
  proposal?: string;
}

/** `plinth request …`: ask the Keepers for help and follow the answer; Keepers triage and close. */
export function registerRequest(program: Command, io: CliIo): void {
  const request = program
    .command('request')
    .description('file requests to the Keepers, follow and comment on them; Keepers triage and close them')
    .addHelpText(
      'after',
      `
A request is named by its number (12 or #12) or its id.

Examples:
  $ plinth request new --title "Access to the GPU partition" --category access --urgency high
  $ plinth request ls --scope team
  $ plinth request show 12
  $ plinth request comment 12 "It works now, thank you"`,
    );
  registerNew(request, io);
  registerList(request, io);
  registerShow(request, io);
  registerComment(request, io);
  registerRequestTriage(request, io);
  registerRequestClose(request, io);
}

async function ask(ctx: CliContext, opts: NewOptions, options: RequestOptions): Promise<NewOptions> {
  const streams = { output: process.stderr };
  const answer = <T>(value: T | symbol): T => {
    if (typeof value === 'symbol') throw new CliError('CLI_CANCELLED', 'cancelled.');
    return value;
  };
  const title =
    opts.title ??
    answer<string>(
      await text({
        message: 'What do you need? (one line)',
        validate: (v) => (v && v.length >= 3 ? undefined : 'At least 3 characters'),
        ...streams,
      }),
    );
  const category =
    opts.category ??
    answer<string>(
      await select({
        message: 'Category',
        options: options.categories.map((c) => ({ value: c.name, label: c.title, hint: c.description })),
        ...streams,
      }),
    );
  const urgency =
    opts.urgency ??
    answer<string>(
      await select({
        message: 'Urgency',
        options: URGENCIES.map((u) => ({ value: u, label: u })),
        initialValue: 'normal',
        ...streams,
      }),
    );
  const team =
    opts.team ??
    (options.teams.length > 1
      ? answer<string>(
          await select({
            message: 'For which team?',
            options: options.teams.map((t) => ({ value: t, label: t })),
            ...streams,
          }),
        )
      : undefined);
  const description =
    opts.description ??
    (opts.descriptionFile
      ? undefined
      : answer<string>(await text({ message: 'Details (Markdown; optional)', ...streams })));
  ctx.out.debug(`Filing as ${category}/${urgency}`);
  return { ...opts, title, category, urgency, team, description: description ?? undefined };
}

function registerNew(request: Command, io: CliIo): void {
  request
    .command('new')
    .description('file a request to the Keepers; asks for what is missing when run in a terminal')
    .option('--title <text>', 'what you need, in one line')
    .option('--category <name>', 'help, access, new-template, bug, new-technology, other (as configured)')
    .addOption(
      new Option('--urgency <level>', 'how urgent; shortens the response targets').choices(URGENCIES),
    )
    .option('--description <markdown>', 'details, in Markdown')
    .option('--description-file <path>', 'read the details from a file ("-" for stdin)')
    .option('--team <name>', 'the team it is for, when you belong to several')
    .option('--entity <ref>', 'the catalog entity it is about, kind:namespace/name')
    .option('--proposal <id>', 'a radar proposal it is about (category new-technology)')
    .addHelpText(
      'after',
      `
Prints the new request's number on stdout (its JSON with --json).

Examples:
  $ plinth request new --title "Cannot reach the GPU partition" --category access --urgency high
  $ plinth request new --title "New template for R packages" --category new-template --description-file idea.md
  $ plinth request new            # asks, in a terminal`,
    )
    .action(async (opts: NewOptions, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      let filled = opts;
      if (!opts.title || !opts.category) {
        if (!ctx.interactive)
          throw CliError.usage('--title and --category are needed when not in a terminal.');
        filled = await ask(ctx, opts, await client.request<RequestOptions>('GET', '/api/requests/options'));
      }
      let description = filled.description ?? '';
      if (filled.descriptionFile) {
        description =
          filled.descriptionFile === '-'
            ? await readStdin(io)
            : await readFile(filled.descriptionFile, 'utf8');
      }
      const created = await client.request<RequestDetail>('POST', '/api/requests', {
        body: {
          title: filled.title,
          category: filled.category,
          urgency: filled.urgency,
          description,
          team: filled.team,
          context: filled.entity ? { entity: filled.entity } : undefined,
          proposalId: filled.proposal,
        },
      });
      if (!ctx.out.json) io.stdout(`${created.number}\n`);
      ctx.out.info(
        `Request #${created.number} filed: the Keepers are notified. Follow it with \`plinth request show ${created.number}\`.`,
      );
      ctx.out.jsonOnly(created);
    });
}

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function registerList(request: Command, io: CliIo): void {
  addPageOptions(
    request
      .command('ls')
      .alias('list')
      .description('list requests, newest first: number, state, category, team, assignee, target, title')
      .addOption(
        new Option('--scope <scope>', 'yours (default), your teams’, or all (Keepers)').choices([
          'mine',
          'team',
          'all',
        ]),
      )
      .addOption(
        new Option('--state <state>', 'only requests in this state, or open / closed').choices([
          ...REQUEST_STATES,
          'open',
          'closed',
        ]),
      )
      .option('--category <name>', 'only this category')
      .option('--overdue', 'only open requests past a response target')
      .option('-q, --query <text>', 'words in the title or description'),
  )
    .addHelpText(
      'after',
      "\nExamples:\n  $ plinth request ls\n  $ plinth request ls --scope all --state open --overdue\n  $ plinth request ls --json | jq '.items[].number'",
    )
    .action(
      async (
        opts: PageOptions & {
          scope?: string;
          state?: string;
          category?: string;
          overdue?: boolean;
          query?: string;
        },
        command: Command,
      ) => {
        const ctx = createContext(command, io);
        const page = await fetchList<RequestSummary>(
          ctx.client(),
          '/api/requests',
          {
            scope: opts.scope,
            state: opts.state,
            category: opts.category,
            overdue: opts.overdue,
            q: opts.query,
          },
          opts,
        );
        printList(ctx.out, page, {
          empty: 'No requests here. File one with `plinth request new`.',
          human: (items) => requestsTable(items),
        });
      },
    );
}

function registerShow(request: Command, io: CliIo): void {
  request
    .command('show <request>')
    .description('show a request: its facts, description, comments and moves')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth request show 12\n  $ plinth request show 12 --json | jq .state',
    )
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      ctx.out.result(await ctx.client().request<RequestDetail>('GET', requestPath(ref)), requestDetail);
    });
}

function registerComment(request: Command, io: CliIo): void {
  request
    .command('comment <request> [text]')
    .description('comment on a request (Markdown; @username notifies); reads stdin when no text is given')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth request comment 12 "The gpu partition, please"\n  $ plinth request comment 12 < answer.md',
    )
    .action(async (ref: string, body: string | undefined, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const textBody = body ?? (ctx.interactive ? undefined : await readStdin(io));
      if (!textBody?.trim()) throw CliError.usage('give the comment as an argument or on stdin.');
      const created = await ctx
        .client()
        .request<RequestComment>('POST', `${requestPath(ref)}/comments`, { body: { body: textBody } });
      ctx.out.info(`Comment added to request ${ref.replace(/^#?/, '#')}.`);
      ctx.out.jsonOnly(created);
    });
}
