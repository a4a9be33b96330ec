import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { coreMigrations } from '../../src/core/db/core-migrations.js';
import { openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { createLogger } from '../../src/core/logger.js';
import {
  parseQuery,
  type SearchDocument,
  type SearchSource,
  searchMigrations,
} from '../../src/search/index.js';
import { createSearchIndex } from '../../src/search/search-module.js';
import { defaultRegistry } from '../../src/server/create-server.js';
import type { Metric, Scenario } from '../lib/types.js';
import { createWorkspace } from '../lib/workspace.js';

const ENTITIES = 60_000;
const PAGES = 40_000;
const QUERIES = 600;

/** A fixed pseudo-random sequence (mulberry32), so every run indexes and asks the same things. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ner',
  'tor',
  'pha',
  'sel',
  'quin',
  'dra',
  'vo',
  'ric',
  'um',
  'bex',
  'tal',
  'gen',
  'sor',
];
const DOMAIN = [
  'pytorch',
  'slurm',
  'climate',
  'protein',
  'dataset',
  'pipeline',
  'model',
  'training',
  'simulation',
  'ocean',
  'gpu',
  'cluster',
  'docker',
  'python',
  'storage',
  'notebook',
  'sensor',
  'genome',
  'imaging',
  'weather',
];

/** ~4,000 words; their use follows a Zipf law, as words in real text do. */
function vocabulary(next: () => number): string[] {
  const words = new Set(DOMAIN);
  while (words.size < 4000) {
    const n = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

function zipfPicker(words: string[], next: () => number) {
  const weights = words.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w / total;
    cumulative.push(sum);
  }
  return () => {
    const r = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] as string;
  };
}

function generate(): SearchDocument[] {
  const next = random(42);
  const words = vocabulary(next);
  const pick = zipfPicker(words, next);
  const text = (n: number) => Array.from({ length: n }, pick).join(' ');
  const docs: SearchDocument[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < ENTITIES + PAGES; i++) {
    const isEntity = i < ENTITIES;
    const title = `${pick()} ${pick()} ${i}`;
    docs.push({
      id: isEntity ? `entity:component:default/e${i}` : `doc:platform:generated/p${i}`,
      source: 'bench',
      type: isEntity ? 'entity' : i % 3 === 0 ? 'guide' : 'doc',
      title,
      name: isEntity ? `e${i}` : `p${i}`,
      kind: isEntity ? (['component', 'dataset', 'resource', 'api'][i % 4] as string) : null,
      owner: `group:default/team-${i % 40}`,
      tags: [pick(), pick()],
      summary: text(12),
      body: text(isEntity ? 30 : 220),
      url: `/x/${i}`,
      hash: 'v1',
      updatedAt: now,
    });
  }
  return docs;
}

function percentile(sorted: number[], p: number): number {
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) * 100) /
    100
  );
}

/** 100,000 documents in the embedded SQLite index: build, one-page updates, query latency. */
export const searchIndex100k: Scenario = {
  name: 'search-100k',
  description: `index ${ENTITIES + PAGES} documents (entities + pages) in SQLite FTS5; update one page; ${QUERIES} 1-3 word queries`,
  async run(): Promise<Metric[]> {
    const workspace = createWorkspace('search');
    const logger = createLogger('silent');
    const registry = defaultRegistry();
    const opened = await openDatabase(registry, { url: undefined, dataDir: join(workspace.dataDir) }, logger);
    try {
      await migrateToLatest(opened.db, { ...coreMigrations, ...searchMigrations });
      const index = await createSearchIndex(opened.db, registry, opened.engineName, logger);
      const docs = generate();
      const byId = new Map(docs.map((d) => [d.id, d]));
      const source: SearchSource = {
        name: 'bench',
        hashes: async () => new Map([...byId.values()].map((d) => [d.id, d.hash])),
        documents: async (ids) => ids.map((id) => byId.get(id) as SearchDocument),
      };
      index.register(source);

      let started = performance.now();
      const built = await index.refresh('bench');
      const buildMs = performance.now() - started;
      if (built.written !== docs.length) throw new Error(`indexed ${built.written} of ${docs.length}`);

      // One changed page, written directly (what a domain does when it knows what changed)...
      const page = byId.get(`doc:platform:generated/p${ENTITIES + 7}`) as SearchDocument;
      const updates: number[] = [];
      for (let i = 0; i < 20; i++) {
        const changed = { ...page, body: `${page.body} revision ${i} pytorch`, hash: `v${i + 2}` };
        byId.set(changed.id, changed);
        started = performance.now();
        await index.apply([changed]);
        updates.push(performance.now() - started);
      }
      // ...and through a source refresh, which first compares 100,000 hashes to find it.
      const changed = { ...page, body: `${page.body} refreshed`, hash: 'refreshed' };
      byId.set(changed.id, changed);
      started = performance.now();
      const refreshed = await index.refresh('bench');
      const refreshMs = performance.now() - started;
      if (refreshed.written !== 1) throw new Error(`refresh wrote ${refreshed.written}, expected 1`);

      const next = random(7);
      const words = vocabulary(random(42));
      const common = words.slice(0, 400);
      const queries = Array.from({ length: QUERIES }, (_, i) => {
        const n = 1 + (i % 3);
        const terms = Array.from({ length: n }, () => common[Math.floor(next() * common.length)] as string);
        // Half typed as complete words, half while typing (last word cut short: a prefix).
        if (i % 2 === 1) {
          const last = terms[n - 1] as string;
          terms[n - 1] = last.slice(0, Math.max(2, Math.ceil(last.length * 0.6)));
        }
        return i % 2 === 1 ? terms.join(' ') : `${terms.join(' ')} `;
      });
      const timings: number[] = [];
      const cpuTimings: number[] = [];
      const slowest: { q: string; ms: number }[] = [];
      const facetTimings: number[] = [];
      for (const q of queries) {
        const query = parseQuery(q, { limit: 20 });
        // CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
        const cpu = process.cpuUsage();
        started = performance.now();
        await index.search(query);
        timings.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuTimings.push((used.user + used.system) / 1000);
        slowest.push({ q, ms: (used.user + used.system) / 1000 });
      }
      slowest.sort((a, b) => b.ms - a.ms);
      process.stderr.write(
        `  slowest queries (CPU ms): ${slowest
          .slice(0, 6)
          .map((s) => `"${s.q}" ${s.ms.toFixed(1)}`)
          .join(', ')}\n`,
      );
      for (const q of queries.slice(0, 100)) {
        const query = parseQuery(q, { limit: 20 });
        started = performance.now();
        await Promise.all([index.search(query), index.facets(query)]);
        facetTimings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      cpuTimings.sort((a, b) => a - b);
      facetTimings.sort((a, b) => a - b);
      updates.sort((a, b) => a - b);
      return [
        { metric: 'documents indexed', value: docs.length, unit: 'docs' },
        { metric: 'build time', value: Math.round(buildMs / 100) / 10, unit: 's' },
        { metric: 'one-page update p50', value: percentile(updates, 50), unit: 'ms' },
        {
          metric: 'one-page update max',
          value: Math.round((updates.at(-1) as number) * 100) / 100,
          unit: 'ms',
        },
        { metric: 'source refresh, 1 of 100k changed', value: Math.round(refreshMs), unit: 'ms' },
        { metric: 'query p50 (1-3 words)', value: percentile(timings, 50), unit: 'ms' },
        { metric: 'query p99 (1-3 words)', value: percentile(timings, 99), unit: 'ms' },
        { metric: 'query CPU time p50', value: percentile(cpuTimings, 50), unit: 'ms' },
        { metric: 'query CPU time p99', value: percentile(cpuTimings, 99), unit: 'ms' },
        { metric: 'query + facets p50', value: percentile(facetTimings, 50), unit: 'ms' },
        { metric: 'query + facets p99', value: percentile(facetTimings, 99), unit: 'ms' },
      ];
    } finally {
      await opened.close();
      workspace.remove();
    }
  },
};
