import type { Command } from 'commander';
import type { AuditEntry } from '../../auth/schemas.js';
import { createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import { type CliIo, table, when } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';

interface AuditOptions extends PageOptions {
  actor?: string;
  action?: string;
}

/** `plinth audit ls`: who changed what, newest first (Keepers). */
export function registerAudit(program: Command, io: CliIo): void {
  const audit = program
    .command('audit')
    .description('read the audit log: every change, who made it and when (Keepers)')
    .addHelpText('after', '\nExample:\n  $ plinth audit ls --actor ada');
  addPageOptions(
    audit
      .command('ls')
      .alias('list')
      .description('list audit entries, newest first')
      .option('--actor <username>', 'only changes made by this user')
      .option('--action <action>', 'only this action, e.g. user.create or team.member.add'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth audit ls --action user.create --limit 20\n  $ plinth audit ls --actor ada --all --json',
    )
    .action(async (opts: AuditOptions, command: Command) => {
      const ctx = createContext(command, io);
      const query = { actor: opts.actor, action: opts.action };
      const page = await fetchList<AuditEntry>(ctx.client(), '/api/audit', query, opts);
      printList(ctx.out, page, { empty: 'No audit entries match.', human: auditTable });
    });
}

function auditTable(entries: AuditEntry[]): string {
  return table(entries, [
    { heading: 'at', cell: (e) => when(e.at) },
    { heading: 'actor', cell: (e) => e.actor ?? '(system)' },
    { heading: 'action', cell: (e) => e.action },
    { heading: 'target', cell: (e) => e.target ?? '-' },
  ]);
}
