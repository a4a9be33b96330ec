import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { encodeId } from '../../src/services/ids/id-codec.js';
import { DEFAULT_LAYOUT, idsPerSecondLimit } from '../../src/services/ids/layout.js';
import { SnowflakeGenerator } from '../../src/services/ids/snowflake.js';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';

const RUN_MS = 3000;
const CONNECTIONS = 10;
const DURATION_S = 10;
const BATCH = 1000;

/** Ids one generator issues per second for `ms`, optionally writing each as decimal text. */
function measure(ms: number, encode: boolean): number {
  const generator = new SnowflakeGenerator(DEFAULT_LAYOUT);
  generator.setWindow({ worker: 1, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
  let issued = 0;
  const started = performance.now();
  const end = started + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 10_000; i++) {
      const id = generator.next();
      if (encode) encodeId(id, 'decimal');
    }
    issued += 10_000;
  }
  return issued / ((performance.now() - started) / 1000);
}

/** One worker's snowflakes in-process, against the ceiling of its layout (4,096 per ms). */
export const idsInProcess: Scenario = {
  name: 'ids-in-process',
  description: `SnowflakeGenerator.next() in a loop for ${RUN_MS / 1000} s, one worker, default layout`,
  run: async () => {
    measure(500, true);
    const raw = measure(RUN_MS, false);
    const encoded = measure(RUN_MS, true);
    const limit = idsPerSecondLimit(DEFAULT_LAYOUT);
    return [
      { metric: 'ids/s (bigint)', value: Math.round(raw), unit: 'ids/s' },
      { metric: 'ids/s (as decimal strings)', value: Math.round(encoded), unit: 'ids/s' },
      { metric: 'layout limit', value: limit, unit: 'ids/s' },
      { metric: 'share of the limit (bigint)', value: Math.round((raw / limit) * 1000) / 10, unit: '%' },
    ] satisfies Metric[];
  },
};

async function load(url: string, secret: string, duration: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${secret}` },
  });
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(`${url} failed under load: ${result.non2xx} non-2xx (${codes}), ${result.errors} errors`);
  }
  return result;
}

/** The ID API under load: batches of 1,000 snowflakes, and single ids for latency. */
export const idsHttp: Scenario = {
  name: 'ids-http',
  description: `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each: GET /api/ids/snowflake?count=${BATCH}, then ?count=1`,
  run: () =>
    withServer(
      'ids-http',
      async (server, workspace): Promise<Metric[]> => {
        const secret = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
        const batchUrl = `${server.baseUrl}/api/ids/snowflake?count=${BATCH}`;
        const singleUrl = `${server.baseUrl}/api/ids/snowflake`;
        await load(batchUrl, secret, 2);
        const batch = await load(batchUrl, secret, DURATION_S);
        await load(singleUrl, secret, 2);
        const single = await load(singleUrl, secret, DURATION_S);
        return [
          { metric: 'batch: ids/s', value: Math.round(batch.requests.average * BATCH), unit: 'ids/s' },
          { metric: 'batch: requests/s', value: Math.round(batch.requests.average), unit: 'req/s' },
          { metric: 'batch: latency p99', value: batch.latency.p99, unit: 'ms' },
          { metric: 'single id: requests/s', value: Math.round(single.requests.average), unit: 'req/s' },
          { metric: 'single id: latency p50', value: single.latency.p50, unit: 'ms (1 ms steps)' },
          { metric: 'single id: latency p99', value: single.latency.p99, unit: 'ms (1 ms steps)' },
        ];
      },
      // The per-user limit protects a real installation; here one user is the whole load.
      { PLINTH_SERVICES_IDS_REQUESTS_PER_MINUTE: '100000000' },
    ),
};
