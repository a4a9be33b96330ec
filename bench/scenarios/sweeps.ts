import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../src/compute/sweeps/random-source.js';
import { sampleSpace } from '../../src/compute/sweeps/space.js';
import type { Parameter } from '../../src/compute/sweeps/sweep-spec.js';
import { type Observation, suggestTpe } from '../../src/compute/sweeps/tpe.js';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';

const TRIALS = Number(process.env.PLINTH_BENCH_TRIALS ?? 200);
const PARALLELISM = 8;

const space: Parameter[] = [
  { name: 'lr', type: 'float', min: 1e-5, max: 1e-1, scale: 'log' },
  { name: 'layers', type: 'int', min: 1, max: 8 },
  { name: 'dropout', type: 'float', min: 0, max: 0.5 },
  { name: 'opt', type: 'categorical', values: ['sgd', 'adam', 'rmsprop'] },
];

/** The time TPE takes to suggest one trial once 200 have finished (median of 30). */
function tpeSuggestMs(): number {
  const history: Observation[] = Array.from({ length: 200 }, (_, i) => {
    const params = sampleSpace(space, seededRandom(1, i));
    return { params, value: Math.log10(params.lr as number) ** 2 + (params.layers as number) };
  });
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    suggestTpe(space, history, seededRandom(2, i), { exploreEvery: 10_000 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[15] as number;
}

async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const metricCommand = ['sh', '-c', 'echo "PLINTH_METRIC loss=$PLINTH_PARAM_X"'];

/**
 * A 200-trial sweep of a trivial job on the local executor, against the same 200 jobs submitted
 * plainly (8 at a time, waiting for each batch): the difference per trial is what the sweep
 * controller costs. Also the TPE suggest step at 200 finished trials.
 */
export const sweepsLocal: Scenario = {
  name: 'sweeps',
  description: `${TRIALS}-trial sweep of a trivial job on local vs the same jobs submitted plainly; TPE suggest at 200 trials`,
  run: async () => {
    const metrics: Metric[] = [
      {
        metric: 'TPE suggest at 200 finished trials (median)',
        value: Math.round(tpeSuggestMs() * 10) / 10,
        unit: 'ms',
      },
    ];
    return withServer(
      'sweeps',
      async (server, workspace) => {
        const token = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
        // Plain jobs, PARALLELISM at a time, each batch waited for.
        const plainStarted = performance.now();
        const plainCpu = cpuSeconds(server.pid);
        for (let done = 0; done < TRIALS; done += PARALLELISM) {
          const ids: string[] = [];
          for (let i = 0; i < Math.min(PARALLELISM, TRIALS - done); i++) {
            const job = await api(server.baseUrl, token, 'POST', '/api/jobs', {
              name: 'plain',
              executor: 'local',
              command: metricCommand,
              env: { PLINTH_PARAM_X: String(done + i) },
            });
            ids.push(job.id as string);
          }
          for (const id of ids) {
            while (
              !['succeeded', 'failed'].includes(
                (await api(server.baseUrl, token, 'GET', `/api/jobs/${id}`)).state as string,
              )
            )
              await sleep(20);
          }
        }
        const plainMs = performance.now() - plainStarted;
        const plainCpuMs = (cpuSeconds(server.pid) - plainCpu) * 1000;
        for (const algorithm of ['random', 'tpe'] as const) {
          const started = performance.now();
          const cpuBefore = cpuSeconds(server.pid);
          const sweep = await api(server.baseUrl, token, 'POST', '/api/sweeps', {
            name: `bench-${algorithm}`,
            executor: 'local',
            job: { command: metricCommand },
            parameters: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
            objective: { metric: 'loss', goal: 'minimize' },
            algorithm,
            maxTrials: TRIALS,
            parallelism: PARALLELISM,
            seed: 1,
          });
          let state = sweep.state as string;
          while (state === 'running') {
            await sleep(100);
            state = (await api(server.baseUrl, token, 'GET', `/api/sweeps/${sweep.id}`)).state as string;
          }
          if (state !== 'succeeded') throw new Error(`the ${algorithm} sweep ended ${state}`);
          const sweepMs = performance.now() - started;
          const sweepCpuMs = (cpuSeconds(server.pid) - cpuBefore) * 1000;
          metrics.push(
            {
              metric: `${TRIALS}-trial ${algorithm} sweep, wall time`,
              value: Math.round(sweepMs),
              unit: 'ms',
            },
            {
              metric: `${algorithm} sweep: wall time per trial beyond plain jobs`,
              value: Math.round(((sweepMs - plainMs) / TRIALS) * 10) / 10,
              unit: 'ms',
            },
            {
              metric: `${algorithm} sweep: portal CPU per trial`,
              value: Math.round((sweepCpuMs / TRIALS) * 10) / 10,
              unit: 'ms',
            },
          );
        }
        metrics.unshift(
          {
            metric: `${TRIALS} plain jobs, ${PARALLELISM} at a time, wall time`,
            value: Math.round(plainMs),
            unit: 'ms',
          },
          {
            metric: 'plain jobs: portal CPU per job',
            value: Math.round((plainCpuMs / TRIALS) * 10) / 10,
            unit: 'ms',
          },
        );
        return metrics;
      },
      {
        PLINTH_COMPUTE_POLL_INTERVAL_SECONDS: '0.2',
        PLINTH_CATALOG_SYNC_INTERVAL_SECONDS: '0',
        PLINTH_COMPUTE_SUBMITS_PER_MINUTE: '100000',
      },
    );
  },
};
