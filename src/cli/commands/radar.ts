import { type Command, Option } from 'commander';
import { RINGS } from '../../catalog/kinds/technology.js';
import type { ProposalDetail, RadarView } from '../../radar/schemas.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import type { CliIo } from '../output.js';
import {
  isIncomplete,
  type ProposeFlags,
  promptMissing,
  proposalFromFlags,
  readProposalFile,
} from '../radar-proposal.js';
import { blipDetail, blipsTable, proposalDetail } from '../radar-views.js';

const isProposalKey = (key: string) => /^#?\d+$/.test(key) || /^[0-9A-HJKMNP-TV-Z]{26}$/.test(key);
const proposalPath = (key: string) => `/api/proposals/${encodeURIComponent(key.replace(/^#/, ''))}`;
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `plinth radar …`: the technology radar and its proposals. */
export function registerRadar(program: Command, io: CliIo): void {
  const radar = program
    .command('radar')
    .description('the technology radar: list technologies, show one, propose a move or a new one, vote')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth radar ls --quadrant tools --ring adopt
  $ plinth radar show python-3.13
  $ plinth radar propose --file proposal.yaml
  $ plinth radar show 12
  $ plinth radar vote 12 approve`,
    );
  registerList(radar, io);
  registerShow(radar, io);
  registerPropose(radar, io);
  registerVote(radar, io);
  registerDecide(radar, io);
}

function registerList(radar: Command, io: CliIo): void {
  radar
    .command('ls')
    .alias('list')
    .description('list the technologies on the radar: number, name, quadrant, ring, moved')
    .option('--quadrant <id>', 'only this quadrant (languages-frameworks, tools, platforms, techniques…)')
    .addOption(new Option('--ring <ring>', 'only this ring').choices(RINGS))
    .option('--moved', 'only those that moved or were added recently (radar.recentDays)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth radar ls --moved\n  $ plinth radar ls --ring hold --json | jq -r ".[].name"',
    )
    .action(async (opts: { quadrant?: string; ring?: string; moved?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      const view = await ctx.client().request<RadarView>('GET', '/api/radar');
      if (opts.quadrant && !view.quadrants.some((q) => q.id === opts.quadrant)) {
        throw CliError.usage(
          `--quadrant ${opts.quadrant}: the quadrants are ${view.quadrants.map((q) => q.id).join(', ')}`,
        );
      }
      const blips = view.blips.filter(
        (b) =>
          (!opts.quadrant || b.quadrant === opts.quadrant) &&
          (!opts.ring || b.ring === opts.ring) &&
          (!opts.moved || b.moved),
      );
      if (blips.length === 0 && !ctx.out.json) return ctx.out.info('No technology matches these filters.');
      ctx.out.result(blips, blipsTable);
    });
}

function registerShow(radar: Command, io: CliIo): void {
  radar
    .command('show <technology-or-proposal>')
    .description('show a technology (by name) with its history, or a proposal (by number) with its votes')
    .addHelpText('after', '\nExamples:\n  $ plinth radar show slurm\n  $ plinth radar show 12 --json')
    .action(async (key: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      if (isProposalKey(key)) {
        ctx.out.result(await client.request<ProposalDetail>('GET', proposalPath(key)), proposalDetail);
        return;
      }
      const view = await client.request<RadarView>('GET', '/api/radar');
      const wanted = key.toLowerCase();
      const blip = view.blips.find(
        (b) => b.name === wanted || b.ref === wanted || b.title.toLowerCase() === wanted,
      );
      if (!blip) {
        throw new CliError(
          'RADAR_TECHNOLOGY_NOT_FOUND',
          `no technology '${key}' on the radar; \`plinth radar ls\` lists them`,
          {
            status: 404,
          },
        );
      }
      ctx.out.result(blip, (b) => blipDetail(b, view));
    });
}

function registerPropose(radar: Command, io: CliIo): void {
  radar
    .command('propose')
    .description('propose a ring move or a new technology, with evidence for the six criteria')
    .option('--file <proposal.yaml>', 'read the whole proposal from a YAML or JSON file (the API body)')
    .option('--move <technology>', 'move this technology (its name)')
    .option('--new <name>', 'add a new technology with this short name')
    .option('--title <title>', 'new technology: its title')
    .option('--quadrant <id>', 'new technology: its quadrant')
    .option('--description <text>', 'new technology: what it is')
    .option('--homepage <url>', 'new technology: its homepage')
    .option('--owner <team>', 'new technology: the team that owns it')
    .addOption(new Option('--ring <ring>', 'the target ring').choices(RINGS))
    .option('--summary <text>', 'why, in a sentence (becomes the reason in its history)')
    .option('--market-presence <text>', 'evidence: since when it exists, releases, maintainers')
    .option('--since <year>', 'market presence: year (or year-month) of its first release')
    .option('--relevance <text>', 'evidence: who uses and supports it')
    .option('--integration <text>', 'evidence: how it plugs in without altering the core')
    .option('--team-testing <text>', 'evidence: what the testing team found')
    .option('--tested-by <team>', 'team testing: the team that tested it')
    .option('--report <url>', 'team testing: link to its report')
    .option('--essentiality <text>', 'evidence: the need it meets')
    .option('--consensus <text>', 'evidence: who agrees, who was asked')
    .option('--link <criterion=url>', 'a link for a criterion (repeatable)', collect)
    .addHelpText(
      'after',
      `
Without --file, the flags make the proposal; in a terminal, whatever they leave out is asked for.
Prints the new proposal's number.

Examples:
  $ plinth radar propose
  $ plinth radar propose --file proposal.yaml
  $ plinth radar propose --move python-3.13 --ring adopt --summary "All templates run on it" \\
      --market-presence "..." --since 2024-10 --relevance "..." --integration "..." \\
      --team-testing "..." --tested-by climate --report https://wiki.example.org/py313 \\
      --essentiality "..." --consensus "..." --link relevance=https://example.org/users`,
    )
    .action(async (flags: ProposeFlags, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      let body: Record<string, unknown> = flags.file
        ? await readProposalFile(flags.file)
        : proposalFromFlags(flags);
      if (!flags.file && ctx.interactive && isIncomplete(body as never)) {
        body = await promptMissing(body as never, await client.request<RadarView>('GET', '/api/radar'));
      }
      const created = await client.request<ProposalDetail>('POST', '/api/proposals', { body });
      if (!ctx.out.json) io.stdout(`${created.number}\n`);
      ctx.out.info(
        `Proposal #${created.number} is open: Keepers and team representatives can vote on it now.`,
      );
      ctx.out.jsonOnly(created);
    });
}

function registerVote(radar: Command, io: CliIo): void {
  radar
    .command('vote <proposal> <choice>')
    .description('vote on a proposal as a Keeper or for your team: approve, object or abstain')
    .option('--blocking', 'an objection that stops acceptance until you withdraw it (needs --reason)')
    .option('--reason <text>', 'why')
    .option('--team <team>', 'vote as the representative of this team')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth radar vote 12 approve\n  $ plinth radar vote 12 object --blocking --reason "No ARM build yet"',
    )
    .action(
      async (
        key: string,
        choice: string,
        opts: { blocking?: boolean; reason?: string; team?: string },
        command: Command,
      ) => {
        const ctx = createContext(command, io);
        if (!['approve', 'object', 'abstain'].includes(choice)) {
          throw CliError.usage(`choice '${choice}': write approve, object or abstain`);
        }
        const body = { choice, blocking: opts.blocking === true, reason: opts.reason, team: opts.team };
        const detail = await ctx
          .client()
          .request<ProposalDetail>('POST', `${proposalPath(key)}/votes`, { body });
        ctx.out.info(
          `Vote recorded on #${detail.number}. ${detail.rule.met ? 'The decision rule is met.' : `Not yet acceptable: ${detail.rule.reasons.join('; ')}.`}`,
        );
        ctx.out.jsonOnly(detail);
      },
    );
}

function registerDecide(radar: Command, io: CliIo): void {
  radar
    .command('decide <proposal> <outcome>')
    .description('Keepers: accept or reject a proposal; accepting writes the change as a branch or patch')
    .requiredOption('--reason <text>', 'why; kept with the decision and written into the commit')
    .addHelpText('after', '\nExamples:\n  $ plinth radar decide 12 accept --reason "All templates run on it"')
    .action(async (key: string, outcome: string, opts: { reason: string }, command: Command) => {
      const ctx = createContext(command, io);
      const decided = { accept: 'accepted', reject: 'rejected', accepted: 'accepted', rejected: 'rejected' }[
        outcome
      ];
      if (!decided) throw CliError.usage(`outcome '${outcome}': write accept or reject`);
      const detail = await ctx.client().request<ProposalDetail>('POST', `${proposalPath(key)}/decision`, {
        body: { outcome: decided, reason: opts.reason },
      });
      ctx.out.result(detail, proposalDetail);
    });
}
