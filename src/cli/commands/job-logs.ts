import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { firstTask, isFinal, type Job, jobPath, type LogChunk, resolveJobId, shortId } from '../job-api.js';
import { followLog } from '../job-follow.js';
import { integerIn } from '../options.js';
import type { CliIo } from '../output.js';

interface LogsOptions {
  stderr?: boolean;
  task?: number;
  follow?: boolean;
}

/** Which log of which job. */
interface LogRef {
  id: string;
  stream: 'stdout' | 'stderr';
  task: number | undefined;
}

/** The most one request reads; longer logs take several. */
const CHUNK_BYTES = 1_048_576;

/** `plinth job logs <id>`: print a job's stdout or stderr, or follow it until the job ends. */
export function registerJobLogs(job: Command, io: CliIo): void {
  job
    .command('logs <id>')
    .description('print a job’s stdout (or stderr); with -f, follow it until the job ends')
    .option('--stderr', 'the job’s stderr instead of its stdout')
    .option('--task <n>', 'the task of an array job (default: its first)', integerIn(0, 999_999))
    .option('-f, --follow', 'keep printing as the job writes, until it ends (exit 0 then)')
    .addHelpText(
      'after',
      `
The log goes to stdout as the job wrote it; state changes go to stderr while following.

Examples:
  $ plinth job logs 7Q2M9XKD
  $ plinth job logs 7Q2M9XKD --stderr --task 3
  $ plinth job logs 7Q2M9XKD -f | tee train.log`,
    )
    .action(async (id: string, opts: LogsOptions, command: Command) => {
      const ctx = createContext(command, io);
      if (opts.follow && ctx.out.json)
        throw CliError.usage('-f prints the log as it comes; it has no --json form.');
      const client = ctx.client();
      const job = await client.request<Job>('GET', jobPath(await resolveJobId(client, id)));
      const ref: LogRef = {
        id: job.id,
        stream: opts.stderr ? 'stderr' : 'stdout',
        task: opts.task ?? firstTask(job.spec.array),
      };
      if (opts.task === undefined && ref.task !== undefined) {
        ctx.out.info(`Task ${ref.task} of the array ${job.spec.array}; --task N shows another.`);
      }
      if (opts.follow) {
        await followLog(client, job.id, {
          ...ref,
          onText: io.stdout,
          onState: (state, explanation) => {
            const why = isFinal(state) && explanation ? `: ${explanation}` : '';
            ctx.out.info(`Job ${shortId(job.id)} ${state}${why}`);
          },
        });
        return;
      }
      const read = await readLog(client, ref, ctx.out.json ? () => {} : io.stdout);
      ctx.out.jsonOnly({ ...ref, ...read });
      if (!ctx.out.json && read.text === '') {
        ctx.out.info(read.complete ? 'The log is empty.' : `Nothing written yet; follow it with -f.`);
      }
    });
}

/** Reads the log as far as it is written, chunk by chunk, handing each to `write`. */
async function readLog(
  client: ApiClient,
  ref: LogRef,
  write: (text: string) => void,
): Promise<{ text: string; complete: boolean }> {
  const texts: string[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.request<LogChunk>('GET', `${jobPath(ref.id)}/logs`, {
      query: { stream: ref.stream, task: ref.task, offset, limit: CHUNK_BYTES },
    });
    write(chunk.text);
    texts.push(chunk.text);
    if (chunk.complete || chunk.nextOffset <= offset)
      return { text: texts.join(''), complete: chunk.complete };
    offset = chunk.nextOffset;
  }
}
