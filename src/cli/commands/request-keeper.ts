import type { Command } from 'commander';
import { createContext } from '../context.js';
import type { CliIo } from '../output.js';
import { type RequestDetail, requestPath } from '../request-api.js';

// The Keepers' side of `plinth request`: triage and close. The server refuses them to members.

/** `plinth request triage`: assign a new request (to yourself unless --assignee). */
export function registerRequestTriage(request: Command, io: CliIo): void {
  request
    .command('triage <request>')
    .description('Keepers: triage a new request and assign it (to yourself unless --assignee)')
    .option('--assignee <username>', 'the Keeper who takes it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth request triage 12\n  $ plinth request triage 12 --assignee ada',
    )
    .action(async (ref: string, opts: { assignee?: string }, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const assignee =
        opts.assignee ??
        (await client.request<{ user: { username: string } }>('GET', '/api/me')).user.username;
      const moved = await client.request<RequestDetail>('POST', `${requestPath(ref)}/transitions`, {
        body: { to: 'triaged', assignee },
      });
      ctx.out.info(
        `Request #${moved.number} is triaged and assigned to ${moved.assignee?.username ?? assignee}.`,
      );
      ctx.out.jsonOnly(moved);
    });
}

/** `plinth request close`: done after a reply, or declined with a reason. */
export function registerRequestClose(request: Command, io: CliIo): void {
  request
    .command('close <request>')
    .description(
      'Keepers: close a request as done (after answering it), or decline it with --decline <reason>',
    )
    .option('--decline <reason>', 'decline instead; the requester reads the reason')
    .option('--comment <markdown>', 'add this answer as a comment first')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth request close 12 --comment "Added you to the gpu partition."\n  $ plinth request close 12 --decline "Use the shared bucket instead"',
    )
    .action(async (ref: string, opts: { decline?: string; comment?: string }, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      if (opts.comment)
        await client.request('POST', `${requestPath(ref)}/comments`, { body: { body: opts.comment } });
      const body = opts.decline ? { to: 'declined', reason: opts.decline } : { to: 'done' };
      const moved = await client.request<RequestDetail>('POST', `${requestPath(ref)}/transitions`, { body });
      ctx.out.info(`Request #${moved.number} is ${moved.state}.`);
      ctx.out.jsonOnly(moved);
    });
}
