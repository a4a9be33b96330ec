import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { isFinal, type Job, jobPath, resolveJobId } from '../job-api.js';
import { jobState } from '../job-views.js';
import type { CliIo } from '../output.js';

/** `plinth job cancel <id...>`: cancel jobs; one line each with the state it is in now. */
export function registerJobCancel(job: Command, io: CliIo): void {
  job
    .command('cancel <id...>')
    .description('cancel jobs; prints each one’s id and new state')
    .addHelpText(
      'after',
      `
Exit status: 5 when a job does not exist (or is not yours to see), 6 when it has already ended;
the other jobs named are still cancelled.

Examples:
  $ plinth job cancel 7Q2M9XKD
  $ plinth job ls --state pending --json | jq -r '.items[].id' | xargs plinth job cancel`,
    )
    .action(async (ids: string[], _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const items: Job[] = [];
      const failures: CliError[] = [];
      for (const id of ids) {
        try {
          const cancelled = await client.request<Job>(
            'POST',
            `${jobPath(await resolveJobId(client, id))}/cancel`,
          );
          items.push(cancelled);
          const pending = isFinal(cancelled.state) ? '' : ' (cancel requested)';
          if (!ctx.out.json) io.stdout(`${cancelled.id} ${jobState(cancelled)}${pending}\n`);
        } catch (error) {
          if (ids.length === 1 || !concernsOneJob(error)) throw error;
          failures.push(error);
          ctx.out.info(`plinth: ${id}: ${error.message}`);
        }
      }
      ctx.out.jsonOnly({ items });
      const [first] = failures;
      if (first !== undefined) {
        const message = `${failures.length} of ${ids.length} jobs were not cancelled; see above.`;
        throw new CliError(first.code, message, { status: first.status });
      }
    });
}

/**
 * A missing or finished job, or its executor failing, is that job's failure: the others are
 * still cancelled. Anything else (signed out, unreachable…) would fail them all alike.
 */
function concernsOneJob(error: unknown): error is CliError {
  if (!(error instanceof CliError) || error.status === undefined) return false;
  return error.status === 404 || error.status === 409 || error.status >= 500;
}
