// The CLI speaks the server's own contract: these are the types of the compute TypeBox schemas.
// Only types are imported, so the schemas themselves are never loaded by the CLI.
import type { Type } from 'typebox';
import type { JobState } from '../compute/extension.js';
import type { JobSpec } from '../compute/job-spec.js';
import type {
  ExecutorList,
  Job,
  JobDetail as JobDetailSchema,
  LogChunk as LogChunkSchema,
} from '../compute/schemas.js';
import type { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import type { Page } from './pagination.js';

export type { Job, JobSpec, JobState };

/** `GET /api/jobs/:id`: the job and the script its executor runs. */
export type JobDetail = Type.Static<typeof JobDetailSchema>;
/** `GET /api/jobs/:id/logs`: a chunk of a log, by byte offsets. */
export type LogChunk = Type.Static<typeof LogChunkSchema>;
/** One executor of `GET /api/compute/executors`. */
export type ExecutorInfo = Type.Static<typeof ExecutorList>['items'][number];

// Spelled out rather than imported, so that the CLI does not load the compute domain to start.
export const JOB_STATES = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timeout',
  'lost',
] as const satisfies readonly JobState[];
const FINAL_STATES: ReadonlySet<string> = new Set(JOB_STATES.slice(2));

/** True once the job has ended, whichever way. */
export function isFinal(state: string): boolean {
  return FINAL_STATES.has(state);
}

/** How many characters of a job id tables show; enough to tell a person's jobs apart. */
export const SHORT_ID_LENGTH = 8;
/** Job ids are ULIDs: 26 characters, of which the last ones are random. */
const FULL_ID_LENGTH = 26;
/** Short ids are looked up among this many of the newest jobs one may see. */
const SHORT_ID_SEARCH = 1000;

/** The end of a job id, as tables show it. */
export function shortId(id: string): string {
  return id.slice(-SHORT_ID_LENGTH);
}

/** The API path of one job. */
export function jobPath(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}`;
}

/**
 * The full id of a job, given its id or the end of it (at least 4 characters, as `job ls` shows
 * 8). A short id is looked up among the newest jobs one may see, since the API takes full ids only.
 */
export async function resolveJobId(client: ApiClient, id: string): Promise<string> {
  if (id.length >= FULL_ID_LENGTH || id.length < 4) return id;
  const wanted = id.toUpperCase();
  const found: string[] = [];
  let cursor: string | undefined;
  for (let seen = 0; seen < SHORT_ID_SEARCH; ) {
    const page = await client.request<Page<Job>>('GET', '/api/jobs', {
      query: { scope: 'all', limit: 200, cursor },
    });
    found.push(...page.items.filter((job) => job.id.toUpperCase().endsWith(wanted)).map((job) => job.id));
    seen += page.items.length;
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  if (found.length === 1) return found[0] as string;
  if (found.length > 1) {
    throw CliError.usage(
      `'${id}' is the end of ${found.length} job ids (${found.join(', ')}); give more of it.`,
    );
  }
  throw new CliError(
    'COMPUTE_JOB_NOT_FOUND',
    `No job whose id ends in '${id}' among the ${SHORT_ID_SEARCH} newest you may see; give its full id.`,
    { status: 404 },
  );
}

/** The first task index of an array range such as `3-9%2`; undefined when the job is no array. */
export function firstTask(array: string | undefined): number | undefined {
  const match = /^(\d+)-/.exec(array ?? '');
  return match === null ? undefined : Number(match[1]);
}
