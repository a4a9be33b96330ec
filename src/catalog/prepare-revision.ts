import { Worker } from 'node:worker_threads';
import { resolveAcrossLocations } from './across-locations.js';
import type { PreparedRevision } from './apply-revision.js';
import { attachJobs } from './entity-job.js';
import { ownerRef, toEntityRow } from './entity-rows.js';
import type { KindRegistry } from './kind-registry.js';
import type { CatalogProblem, ParsedEntity } from './model.js';
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

/** Parses, validates and turns a revision into rows: the whole CPU- and memory-heavy part of a sync. */
export function prepareRevision(input: PrepareInput, kinds?: KindRegistry): PreparedRevision {
  const validated = validateRevision(input.files, { kinds });
  validated.problems.unshift(...input.readProblems);
  const resolved = resolveAcrossLocations(validated, input.refsElsewhere);
  const { jobs, problems } = attachJobs(resolved.entities, input.files);
  return {
    rows: resolved.entities.map((e) => toEntityRow(e, input.locationId, input.now, jobs.get(e.ref))),
    relations: resolved.relations,
    problems: [...resolved.problems, ...withOwners(problems, resolved.entities)],
  };
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

/**
 * Prepares a large revision in a worker thread: the parsed documents live and die in the
 * worker's own heap, so the server's memory does not keep the high-water mark of a big sync,
 * and requests are served while it parses. Runs here when a thread cannot start (e.g. from
 * TypeScript sources under a test runner): the result is the same either way.
 */
export async function prepareRevisionOffThread(
  input: PrepareInput,
  plugins?: { kinds: KindRegistry; names: readonly string[] },
): Promise<PreparedRevision> {
  const bytes = input.files.reduce((sum, f) => sum + f.text.length, 0);
  // Plug-in kinds are code registered in this thread, which a worker cannot receive: a revision
  // that uses one is prepared here, the others (built-in kinds only) as before.
  const kinds = plugins && usesKind(input.files, plugins.names) ? plugins.kinds : undefined;
  if (bytes < MIN_BYTES_FOR_THREAD || kinds) return prepareRevision(input, kinds);
  try {
    return await new Promise<PreparedRevision>((resolve, reject) => {
      const worker = new Worker(new URL('./prepare-worker.js', import.meta.url), { workerData: input });
      worker.once('message', (prepared: PreparedRevision) => {
        resolve(prepared);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the sync worker exited with ${code}`)));
    });
  } catch {
    return prepareRevision(input);
  }
}

function usesKind(files: readonly CatalogFile[], names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const pattern = new RegExp(`^\\s*kind:\\s*["']?(${names.join('|')})["']?\\s*(#.*)?$`, 'im');
  return files.some((f) => pattern.test(f.text));
}
