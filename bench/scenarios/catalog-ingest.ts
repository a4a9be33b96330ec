import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { createCatalogRepo, TEAMS } from '../lib/catalog-repo.js';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';

const CONNECTIONS = 10;
const DURATION_S = 10;

async function servedCount(baseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/catalog/entities?kind=component&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.ok ? ((await response.json()) as { total: number }).total : 0;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

/**
 * RSS once the server is idle again: V8 hands the pages of a big sync's garbage back to the system
 * some seconds after it is freed, so RSS is sampled until it holds still (within 2%) for 3 s.
 */
async function settledRss(pid: number): Promise<number> {
  let last = rssMb(pid);
  let stableSince = performance.now();
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    await sleep(500);
    const now = rssMb(pid);
    if (Math.abs(now - last) > last * 0.02) stableSince = performance.now();
    last = now;
    if (performance.now() - stableSince >= 3000 && performance.now() - started >= 15_000) break;
  }
  return last;
}

async function load(title: string, token: string, urls: string[]): Promise<Metric[]> {
  const paths = urls.map((u) => {
    const url = new URL(u);
    return url.pathname + url.search;
  });
  let next = 0;
  const result = await autocannon({
    url: urls[0] as string,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
    // Rotate through many refs, so the figure is not one hot row in a cache.
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }) }],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
  return [
    { metric: `${title} requests/s`, value: Math.round(result.requests.average), unit: 'req/s' },
    { metric: `${title} latency p50`, value: result.latency.p50, unit: 'ms' },
    { metric: `${title} latency p99`, value: result.latency.p99, unit: 'ms' },
  ];
}

/** Cold start to a catalog of `count` entities served by the API, then RSS and (optionally) load. */
function catalogScenario(count: number, withLoad: boolean): Scenario {
  const label = `catalog-${count / 1000}k`;
  return {
    name: label,
    description: `ingest ${count.toLocaleString('en-US')} components from a git repo from cold start until all are served${withLoad ? '; then get-by-ref and filtered list under load' : ''}`,
    run: async () => {
      const repoDir = { url: '' };
      return withServer(
        label,
        async (server, workspace) => {
          const token = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
          let served = 0;
          let peak = 0;
          while (served < count) {
            if (!server.isRunning()) throw new Error('the portal exited during ingestion');
            if (performance.now() - server.spawnedAt > 600_000)
              throw new Error(`only ${served} of ${count} served after 10 minutes`);
            await sleep(50);
            peak = Math.max(peak, rssMb(server.pid));
            served = await servedCount(server.baseUrl, token);
          }
          const ingestMs = performance.now() - server.spawnedAt;
          const settled = await settledRss(server.pid);
          const metrics: Metric[] = [
            { metric: 'spawn to all entities served', value: Math.round(ingestMs), unit: 'ms' },
            { metric: 'RSS peak during ingestion', value: peak, unit: 'MB' },
            { metric: 'RSS after ingestion, settled', value: settled, unit: 'MB' },
          ];
          if (!withLoad) return metrics;
          const refs = Array.from(
            { length: 200 },
            (_, i) => `${server.baseUrl}/api/catalog/entities/component/default/lib-${(i * 499) % count}`,
          );
          metrics.push(...(await load('get by ref', token, refs)));
          const lists = Array.from(
            { length: TEAMS },
            (_, t) => `${server.baseUrl}/api/catalog/entities?kind=component&owner=team-${t}&limit=50`,
          );
          metrics.push(...(await load('filtered list', token, lists)));
          metrics.push({ metric: 'RSS after load', value: rssMb(server.pid), unit: 'MB' });
          return metrics;
        },
        (workspace) => {
          repoDir.url = createCatalogRepo(join(workspace.dir, 'platform'), count);
          // Only the first sync matters here: no periodic sync during the measurement.
          return { PLINTH_PLATFORM_REPO: repoDir.url, PLINTH_CATALOG_SYNC_INTERVAL_SECONDS: '0' };
        },
      );
    },
  };
}

export const catalog10k = catalogScenario(10_000, false);
export const catalog100k = catalogScenario(100_000, true);
