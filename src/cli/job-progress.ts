import { spinner } from '@clack/prompts';
import { isFinal, type Job, shortId } from './job-api.js';
import { jobState } from './job-views.js';
import type { CliIo } from './output.js';

/** Shows on stderr how a job that is being waited for is doing. */
export interface JobProgress {
  /** Shows the job's latest state. */
  update(job: Pick<Job, 'id' | 'state' | 'stale' | 'statusAt' | 'node'>): void;
  /** Removes the display; the caller prints how the job ended. */
  done(): void;
}

/**
 * A spinner with the state and the time waited when stderr is a terminal (and `animate` is not
 * false: a followed log shares the terminal); otherwise one plain line per change of state,
 * because redraws would fill CI logs with escape codes.
 */
export function createJobProgress(io: CliIo, opts: { animate?: boolean } = {}): JobProgress {
  const line = (job: Parameters<JobProgress['update']>[0]) =>
    `Job ${shortId(job.id)} ${jobState(job)}${job.node ? ` on ${job.node}` : ''}`;
  if (io.isStderrTty !== true || opts.animate === false) {
    let last = '';
    return {
      update(job) {
        const text = line(job);
        // The caller says how the job ended, with why; a line for the final state would repeat it.
        if (text !== last && !isFinal(job.state)) io.stderr(`${text}\n`);
        last = text;
      },
      done: () => {},
    };
  }
  const spin = spinner({ output: process.stderr, withGuide: false, indicator: 'timer' });
  let started = false;
  return {
    update(job) {
      if (started) spin.message(line(job));
      else spin.start(line(job));
      started = true;
    },
    done() {
      if (started) spin.clear();
    },
  };
}

/**
 * While `work` runs, Ctrl-C stops the waiting but not the job: says so, and how to get back to it.
 * Exits 130 as shells expect of an interrupted command.
 */
export async function untilInterrupted<T>(io: CliIo, id: string, work: () => Promise<T>): Promise<T> {
  const onInterrupt = () => {
    const short = shortId(id);
    io.stderr(
      `\nStopped waiting; job ${short} goes on. Follow it with \`plinth job logs ${short} -f\`, or stop it with \`plinth job cancel ${short}\`.\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await work();
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
