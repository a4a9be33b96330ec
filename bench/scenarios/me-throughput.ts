import autocannon from 'autocannon';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';

const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP_S = 2;

async function load(url: string, secret: string, duration: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${secret}` },
  });
  // A benchmark of error pages would flatter the portal: any failed request voids the figures.
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(
      `GET /api/me failed under load: ${result.non2xx} non-2xx (${codes}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

/** Token-authenticated `GET /api/me` under steady load: the cost of authentication on every API call. */
export const meThroughput: Scenario = {
  name: 'me-throughput',
  description: `autocannon GET /api/me with a Bearer token, ${CONNECTIONS} connections, ${DURATION_S} s`,
  run: () =>
    withServer('me-throughput', async (server, workspace): Promise<Metric[]> => {
      const secret = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
      const url = `${server.baseUrl}/api/me`;
      // A short unreported warm-up, so that JIT compilation does not weigh on the measured run.
      await load(url, secret, WARMUP_S);
      const result = await load(url, secret, DURATION_S);
      return [
        { metric: 'requests/s (mean)', value: Math.round(result.requests.average), unit: 'req/s' },
        // autocannon's histogram counts whole milliseconds; Little's law gives a finer mean.
        { metric: 'latency p50', value: result.latency.p50, unit: 'ms (1 ms steps)' },
        { metric: 'latency p99', value: result.latency.p99, unit: 'ms (1 ms steps)' },
        {
          metric: 'latency mean (connections / req/s)',
          value: Math.round((CONNECTIONS / result.requests.average) * 1000 * 100) / 100,
          unit: 'ms',
        },
        { metric: 'requests (total)', value: result.requests.total, unit: 'req' },
        { metric: 'non-2xx responses', value: result.non2xx, unit: 'count' },
      ];
    }),
};
