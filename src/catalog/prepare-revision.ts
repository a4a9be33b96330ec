import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { resolveAcrossLocations } from './across-locations.js';
import { attachJobs } from './entity-job.js';
import { ownerRef, toEntityRow } from './entity-rows.js';
import type { KindRegistry } from './kind-registry.js';
import type { CatalogProblem, ParsedEntity, Relation } from './model.js';
import type { CatalogEntitiesTable } from './tables.js';
import { type CatalogFile, validateRevision } from './validate-revision.js';

export interface PrepareInput {
  files: CatalogFile[];
  /** Problems met while reading (a file over the size limit...). */
  readProblems: CatalogProblem[];
  /** Refs defined by the other locations. */
  refsElsewhere: Set<string>;
  locationId: string;
  now: string;
}

/**
 * Entity rows, relations and problems per chunk. A chunk lives while it is written, long enough to
 * be moved to the old generation of the heap, where it stays as garbage after the sync until a
 * full collection: small chunks keep that (and the heap's high-water mark) small.
 */
export const ROWS_PER_CHUNK = 250;
/** Relations and problems per chunk: each is smaller than a row. */
const DERIVED_PER_CHUNK = 500;

/** One piece of a prepared revision. Chunks come in order: all entity rows, then relations, then problems. */
export type PreparedChunk =
  | { rows: CatalogEntitiesTable[] }
  | { relations: Relation[] }
  | { problems: CatalogProblem[] };

/**
 * Parses and validates a revision as a whole (references need every entity), then hands it out as
 * rows in bounded chunks: each chunk's rows are built only when it is asked for, so neither this
 * thread nor the one writing ever holds the rows of the whole revision at once.
 */
export function* prepareRevision(input: PrepareInput, kinds?: KindRegistry): Generator<PreparedChunk> {
  const validated = validateRevision(input.files, { kinds });
  validated.problems.unshift(...input.readProblems);
  const resolved = resolveAcrossLocations(validated, input.refsElsewhere);
  const { jobs, problems } = attachJobs(resolved.entities, input.files);
  const allProblems = [...resolved.problems, ...withOwners(problems, resolved.entities)];
  const { entities, relations } = resolved;
  for (let i = 0; i < entities.length; i += ROWS_PER_CHUNK) {
    yield {
      rows: entities
        .slice(i, i + ROWS_PER_CHUNK)
        .map((e) => toEntityRow(e, input.locationId, input.now, jobs.get(e.ref))),
    };
  }
  for (let i = 0; i < relations.length; i += DERIVED_PER_CHUNK)
    yield { relations: relations.slice(i, i + DERIVED_PER_CHUNK) };
  for (let i = 0; i < allProblems.length; i += DERIVED_PER_CHUNK)
    yield { problems: allProblems.slice(i, i + DERIVED_PER_CHUNK) };
}

/** Problems about an entity carry its owner, so that the owning team sees them on its Home page. */
function withOwners(problems: CatalogProblem[], entities: readonly ParsedEntity[]): CatalogProblem[] {
  if (problems.length === 0) return problems;
  const owners = new Map(
    entities.map((e) => [e.ref, ownerRef(e.entity.spec?.owner, e.entity.metadata.namespace ?? 'default')]),
  );
  return problems.map((p) => {
    const owner = p.entityRef ? owners.get(p.entityRef) : null;
    return owner ? { ...p, owner } : p;
  });
}

// Below this a thread costs more than it saves.
const MIN_BYTES_FOR_THREAD = 4 * 1024 * 1024;
/** Chunks the worker may send ahead of the writer: enough to keep both busy, few enough to stay small. */
export const CHUNKS_AHEAD = 2;

/** What the worker thread sends: a chunk, or the end of the revision. */
export type WorkerMessage = { chunk: PreparedChunk } | { done: true };

/**
 * Prepares a large revision in a worker thread: the parsed documents live and die in the
 * worker's own heap (the thread ends with the sync, and its memory with it), and requests are
 * served while it parses. Chunks are sent as the writer asks for them (a few ahead), so the rows
 * of the whole revision are never in flight at once. Runs here when a thread cannot start (e.g.
 * from TypeScript sources under a test runner): the chunks are the same either way.
 */
export async function* prepareRevisionOffThread(
  input: PrepareInput,
  plugins?: { kinds: KindRegistry; names: readonly string[] },
): AsyncGenerator<PreparedChunk> {
  const bytes = input.files.reduce((sum, f) => sum + f.text.length, 0);
  // Plug-in kinds are code registered in this thread, which a worker cannot receive: a revision
  // that uses one is prepared here, the others (built-in kinds only) as before.
  const kinds = plugins && usesKind(input.files, plugins.names) ? plugins.kinds : undefined;
  if (bytes < MIN_BYTES_FOR_THREAD || kinds) {
    yield* prepareRevision(input, kinds);
    return;
  }
  const worker = new Worker(new URL('./prepare-worker.js', import.meta.url), { workerData: input });
  const inbox = new WorkerInbox(worker);
  try {
    let received = 0;
    for (;;) {
      let message: WorkerMessage;
      try {
        message = await inbox.next();
      } catch (error) {
        // A thread that never started (no compiled worker file) changes nothing: prepare here.
        if (received > 0) throw error;
        yield* prepareRevision(input);
        return;
      }
      if ('done' in message) return;
      received += 1;
      worker.postMessage('more');
      yield message.chunk;
      // Chunks that wait in the port would otherwise all be handled in one turn of the event loop,
      // which then serves nothing else until the revision is written.
      await setImmediate();
    }
  } finally {
    // Also when the writer stops early (a failed write): the thread's heap goes with it.
    void worker.terminate();
  }
}

/** Messages of a worker as a queue, with its failure (an error, an early exit) as a rejection. */
class WorkerInbox {
  private readonly queue: WorkerMessage[] = [];
  private failure: Error | undefined;
  private waiting: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void } | undefined;

  constructor(worker: Worker) {
    worker.on('message', (message: WorkerMessage) => {
      if (this.waiting) this.settle().resolve(message);
      else this.queue.push(message);
    });
    worker.once('error', (error) => this.fail(error));
    worker.once('exit', (code) => this.fail(new Error(`the sync worker exited with ${code}`)));
  }

  private settle() {
    const waiting = this.waiting as NonNullable<typeof this.waiting>;
    this.waiting = undefined;
    return waiting;
  }

  private fail(error: Error) {
    this.failure ??= error;
    if (this.waiting) this.settle().reject(this.failure);
  }

  next(): Promise<WorkerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

function usesKind(files: readonly CatalogFile[], names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const pattern = new RegExp(`^\\s*kind:\\s*["']?(${names.join('|')})["']?\\s*(#.*)?$`, 'im');
  return files.some((f) => pattern.test(f.text));
}
