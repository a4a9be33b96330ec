import type { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { readEvents } from './event-stream.js';
import { isFinal, type Job, jobPath } from './job-api.js';

/** Which log to follow, and what to do with what arrives. */
export interface FollowOptions {
  stream: 'stdout' | 'stderr';
  task?: number | undefined;
  onText: (text: string) => void;
  /** Called when the job's state changes (once at the start, with the state it has then). */
  onState: (state: string, explanation: string | null) => void;
}

/** Connection failures in a row after which following gives up. */
const MAX_RETRIES = 4;

/**
 * Follows a job's log over the server-sent events of `…/logs/stream` until the job has ended and
 * all its log was read; returns the final state. A dropped connection is resumed at the byte it
 * stopped at, so nothing is printed twice.
 */
export async function followLog(client: ApiClient, id: string, opts: FollowOptions): Promise<string> {
  let offset = 0;
  let state = '';
  let failures = 0;
  for (;;) {
    const connectedAt = Date.now();
    const startOffset = offset;
    const events = await connect(client, id, opts, offset).catch((error: unknown) => {
      if (!(error instanceof CliError) || error.code !== 'CLI_UNREACHABLE' || failures >= MAX_RETRIES)
        throw error;
      return undefined;
    });
    try {
      for await (const { event, data } of events ?? []) {
        const payload = parse(data);
        if (event === 'log' && typeof payload.text === 'string') {
          opts.onText(payload.text);
          offset = Number(payload.offset ?? offset) + Buffer.byteLength(payload.text);
        } else if (event === 'state' && payload.state !== state) {
          state = String(payload.state);
          opts.onState(state, typeof payload.explanation === 'string' ? payload.explanation : null);
        } else if (event === 'end') {
          return String(payload.state ?? state);
        }
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      // The connection broke, or sat idle past the HTTP client's limit: resume where it stopped.
    }
    // A connection that brought text or lasted a while was healthy; only quick failures count.
    const healthy = offset > startOffset || Date.now() - connectedAt > 30_000;
    failures = healthy ? 0 : failures + 1;
    if (failures > MAX_RETRIES) throw badStream('a stream that kept ending before the job did');
    await sleep(250 * 2 ** failures);
  }
}

async function connect(client: ApiClient, id: string, opts: FollowOptions, offset: number) {
  const response = await client.send('GET', `${jobPath(id)}/logs/stream`, {
    query: { stream: opts.stream, task: opts.task, offset },
    headers: { accept: 'text/event-stream' },
    stream: true,
  });
  if (response.body === null) throw badStream('an empty answer');
  return readEvents(response.body);
}

function parse(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // Reported below, as any other answer this CLI does not understand.
  }
  throw badStream(`an event it does not understand: ${data.slice(0, 100)}`);
}

function badStream(what: string): CliError {
  return new CliError('CLI_BAD_RESPONSE', `the server answered the log stream with ${what}.`);
}

/** How long to wait before asking again: often at first, less often as the job goes on. */
function pollInterval(elapsedMs: number): number {
  if (elapsedMs < 10_000) return 500;
  return elapsedMs < 120_000 ? 1_000 : 5_000;
}

/**
 * Asks for the job until it has ended, calling `onUpdate` with each answer; returns the last.
 * @example const job = await waitForJob(client, id, (job) => progress.update(job));
 */
export async function waitForJob(client: ApiClient, id: string, onUpdate: (job: Job) => void): Promise<Job> {
  const started = Date.now();
  for (;;) {
    const job = await client.request<Job>('GET', jobPath(id));
    onUpdate(job);
    if (isFinal(job.state)) return job;
    await sleep(pollInterval(Date.now() - started));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
