import type { Command } from 'commander';
import type { Team, TeamDetail } from '../../auth/schemas.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import { confirmDeletion } from '../prompts.js';
import { teamDetail, teamsTable } from '../views.js';

interface TeamFields {
  title?: string;
  description?: string;
}

const teamPath = (name: string) => `/api/teams/${encodeURIComponent(name)}`;
const memberPath = (team: string, user: string) => `${teamPath(team)}/members/${encodeURIComponent(user)}`;

/** `plinth teams …`: teams and their members (changes are for Keepers). */
export function registerTeams(program: Command, io: CliIo): void {
  const teams = program
    .command('teams')
    .description('list teams and manage them and their members (changes: Keepers)')
    .addHelpText('after', '\nExamples:\n  $ plinth teams ls\n  $ plinth teams add-member optics ada');
  addPageOptions(teams.command('ls').alias('list').description('list teams'))
    .addHelpText('after', '\nExamples:\n  $ plinth teams ls\n  $ plinth teams ls --all --json')
    .action(async (opts: PageOptions, command: Command) => {
      const ctx = createContext(command, io);
      const page = await fetchList<Team>(ctx.client(), '/api/teams', {}, opts);
      printList(ctx.out, page, { empty: 'No teams yet.', human: teamsTable });
    });
  teams
    .command('show <team>')
    .description('show a team and its members')
    .addHelpText('after', '\nExample:\n  $ plinth teams show optics --json')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      ctx.out.result(await ctx.client().request<TeamDetail>('GET', teamPath(name)), teamDetail);
    });
  registerChanges(teams, io);
  registerMembers(teams, io);
}

function registerChanges(teams: Command, io: CliIo): void {
  teams
    .command('create <team>')
    .description('create a team')
    .requiredOption('--title <title>', 'the name people see, e.g. "Optics Lab"')
    .option('--description <text>', 'what the team does')
    .addHelpText(
      'after',
      '\nExample:\n  $ plinth teams create optics --title "Optics Lab" --description "Lasers and lenses"',
    )
    .action(async (name: string, opts: TeamFields, command: Command) => {
      const ctx = createContext(command, io);
      const body = { name, title: opts.title, description: opts.description };
      const team = await ctx.client().request<Team>('POST', '/api/teams', { body });
      ctx.out.info(`Created team ${team.name}.`);
      ctx.out.jsonOnly(team);
    });
  teams
    .command('update <team>')
    .description('change a team’s title or description')
    .option('--title <title>', 'new title')
    .option('--description <text>', 'new description ("" clears it)')
    .addHelpText('after', '\nExample:\n  $ plinth teams update optics --title "Optics and Photonics"')
    .action(async (name: string, opts: TeamFields, command: Command) => {
      const ctx = createContext(command, io);
      if (opts.title === undefined && opts.description === undefined) {
        throw CliError.usage('nothing to change: pass --title or --description.');
      }
      const team = await ctx.client().request<Team>('PATCH', teamPath(name), { body: opts });
      ctx.out.info(`Updated team ${team.name}.`);
      ctx.out.jsonOnly(team);
    });
  teams
    .command('delete <team>')
    .description('delete a team (its members keep their accounts)')
    .option('-y, --yes', 'do not ask for confirmation (required when not interactive)')
    .addHelpText('after', '\nExample:\n  $ plinth teams delete old-project --yes')
    .action(async (name: string, opts: { yes?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      if (!opts.yes && !(await confirmDeletion(ctx, `Delete team ${name}?`))) return;
      await ctx.client().send('DELETE', teamPath(name));
      ctx.out.info(`Deleted team ${name}.`);
    });
}

function registerMembers(teams: Command, io: CliIo): void {
  teams
    .command('add-member <team> <username>')
    .description('add a user to a team (nothing changes when they are already in it)')
    .addHelpText('after', '\nExample:\n  $ plinth teams add-member optics ada')
    .action(async (team: string, username: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      await ctx.client().send('PUT', memberPath(team, username));
      ctx.out.info(`${username} is a member of ${team}.`);
    });
  teams
    .command('remove-member <team> <username>')
    .description('remove a user from a team')
    .addHelpText('after', '\nExample:\n  $ plinth teams remove-member optics ada')
    .action(async (team: string, username: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      await ctx.client().send('DELETE', memberPath(team, username));
      ctx.out.info(`${username} is no longer a member of ${team}.`);
    });
}
