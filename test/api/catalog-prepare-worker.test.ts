import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type PreparedChunk,
  type PrepareInput,
  prepareRevision,
  type prepareRevisionOffThread,
} from '../../src/catalog/prepare-revision.js';

// The worker thread runs compiled JavaScript, which the test runner's TypeScript loader does not
// give a thread: both files are bundled first, as the build would compile them, into a folder from
// which the packages they import resolve.
const cache = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));
mkdirSync(cache, { recursive: true });
const outDir = mkdtempSync(join(cache, 'plinth-worker-'));
let offThread: typeof prepareRevisionOffThread;

beforeAll(async () => {
  await build({
    entryPoints: ['src/catalog/prepare-revision.ts', 'src/catalog/prepare-worker.ts'],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  ({ prepareRevisionOffThread: offThread } = await import(
    /* @vite-ignore */ pathToFileURL(join(outDir, 'prepare-revision.js')).href
  ));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Over 4 MB of catalog, so that it is prepared in a thread: 3 files of 9,000 components. */
function bigRevision(): PrepareInput {
  const files = [0, 1, 2].map((f) => ({
    path: `catalog/part-${f}.yaml`,
    text: Array.from(
      { length: 9000 },
      (_, i) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: lib-${f}-${i}, description: a library among many for the thread test, tags: [thread] }\nspec: { type: library, lifecycle: production, owner: nobody${i > 0 ? `, dependsOn: ['component:lib-${f}-${i - 1}']` : ''} }\n`,
    ).join('---\n'),
  }));
  return {
    files,
    readProblems: [],
    refsElsewhere: new Set(),
    locationId: 'loc',
    now: '2026-01-01T00:00:00.000Z',
  };
}

const summary = (chunks: PreparedChunk[]) => ({
  rows: chunks.flatMap((c) => ('rows' in c ? c.rows.map((r) => `${r.ref} ${r.hash}`) : [])),
  relations: chunks.flatMap((c) => ('relations' in c ? c.relations : [])).length,
  problems: chunks.flatMap((c) => ('problems' in c ? c.problems.map((p) => p.code) : [])),
});

// A 10k-entity revision prepared twice: 25 s on an idle 2-core machine, so more than the default.
describe('a large revision prepared in a worker thread', { timeout: 120_000 }, () => {
  test('gives the same chunks as preparing it here, and leaves this thread free meanwhile', async () => {
    const input = bigRevision();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const started = performance.now();
    const received: PreparedChunk[] = [];
    for await (const chunk of offThread(input)) received.push(chunk);
    const ms = performance.now() - started;
    clearInterval(timer);
    const here = summary([...prepareRevision(input)]);
    expect(summary(received)).toEqual(here);
    expect(here.rows).toHaveLength(27_000);
    // Each part depends on a missing nothing: the owner 'nobody' is not a known Group, once per entity.
    expect(here.problems.every((code) => code === 'CATALOG_DANGLING_REF')).toBe(true);
    // Parsed in this thread, the event loop would stand still for the whole preparation.
    expect(ticks).toBeGreaterThan(ms / 5 / 4);
  });

  test('a writer that stops early gets no more chunks', async () => {
    const chunks = offThread(bigRevision());
    const first = await chunks.next();
    expect(first.done).toBe(false);
    await chunks.return(undefined);
    expect((await chunks.next()).done).toBe(true);
  });
});
