import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';

const JOBS = Number(process.env.PLINTH_BENCH_JOBS ?? 1000);
const slurmConf = process.env.SLURM_CONF;

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Job-state queries slurmctld has answered since it started (squeue's RPCs), from `sdiag`; another
 * client of the same Slurm adds to it, so the figure is an upper bound for the portal's own.
 */
function jobQueries(): number {
  const out = spawnSync('sdiag', [], { env: process.env, encoding: 'utf8' }).stdout ?? '';
  let count = 0;
  for (const match of out.matchAll(/^\s*REQUEST_JOB_INFO\w*\s+\(\s*\d+\)\s+count:(\d+)/gm)) {
    count += Number(match[1]);
  }
  return count;
}

function cancelAll(name = 'bench'): void {
  spawnSync('scancel', ['--user', process.env.USER ?? 'root', '--name', name], { env: process.env });
}

/**
 * The same job straight to sbatch, one process per job and one after the other, as a shell loop
 * would: each sbatch is forked (from this process), starts, submits and exits before the next.
 * Plinth's side is the same job, one HTTP request after the other, each answered once Slurm has
 * given the job its id (the portal writes the job's script and output folder and its database
 * row on the way).
 */
function rawSbatch(count: number): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    execFileSync(
      'sbatch',
      [
        '--parsable',
        '--job-name',
        'bench-raw',
        '-c',
        '1',
        '--mem',
        '50',
        '-o',
        '/dev/null',
        '--wrap',
        'sleep 600',
      ],
      {
        env: process.env,
        stdio: 'pipe',
      },
    );
  }
  return performance.now() - started;
}

async function submit(baseUrl: string, token: string, spec: object): Promise<string> {
  const res = await fetch(`${baseUrl}/api/jobs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (res.status !== 201) throw new Error(`POST /api/jobs: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function stateOf(baseUrl: string, token: string, id: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/jobs/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { state: string }).state;
}

/**
 * Jobs on a real Slurm (scripts/slurm-up.sh; SLURM_CONF set): submitting through Plinth vs plain
 * sbatch, the cost of tracking many active jobs, and how soon a job shows as running.
 */
export const jobsSlurm: Scenario = {
  name: 'jobs-slurm',
  description: `${JOBS} jobs through POST /api/jobs vs a plain sbatch loop; polling cost with ${JOBS} active; submit → running`,
  run: async () => {
    if (!slurmConf || spawnSync('sinfo', ['-h']).status !== 0) {
      throw new Error(
        'needs a running Slurm: scripts/slurm-up.sh DIR, then export SLURM_CONF=DIR/slurm.conf',
      );
    }
    const executors = JSON.stringify({ local: {}, slurm: { slurmConf, partitionsTtlSeconds: 3600 } });
    return withServer(
      'jobs-slurm',
      async (server, workspace) => {
        const token = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
        const metrics: Metric[] = [];
        try {
          const spec = {
            name: 'bench',
            executor: 'slurm',
            command: ['sleep', '600'],
            resources: { cpus: 1, memoryMb: 50 },
          };
          // Rounds of plain sbatch and API submits take turns, so both meet the same machine load
          // and the same queue length in slurmctld.
          let raw = 0;
          let viaPlinth = 0;
          const round = Math.min(100, JOBS);
          for (let done = 0; done < JOBS; done += round) {
            raw += rawSbatch(round);
            const started = performance.now();
            for (let i = 0; i < round; i++) await submit(server.baseUrl, token, spec);
            viaPlinth += performance.now() - started;
          }
          cancelAll('bench-raw');
          metrics.push(
            { metric: `${JOBS} submits, plain sbatch loop`, value: Math.round(raw), unit: 'ms' },
            { metric: `${JOBS} submits through the API`, value: Math.round(viaPlinth), unit: 'ms' },
            { metric: 'API / sbatch ratio', value: Math.round((viaPlinth / raw) * 100) / 100, unit: 'x' },
          );
          // Tracking: the collector polls every second; CPU the portal spends over 20 cycles.
          const before = cpuSeconds(server.pid);
          const queriesBefore = jobQueries();
          await sleep(20_000);
          const perCycle = ((cpuSeconds(server.pid) - before) / 20) * 1000;
          metrics.push(
            {
              metric: `portal CPU per poll cycle, ${JOBS} active jobs`,
              value: Math.round(perCycle),
              unit: 'ms',
            },
            {
              metric: 'Slurm job queries per second of tracking (poll every 1 s)',
              value: Math.round(((jobQueries() - queriesBefore) / 20) * 100) / 100,
              unit: 'calls',
            },
          );
          cancelAll();
          await sleep(3000);
          const latencies: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            const id = await submit(server.baseUrl, token, { ...spec, command: ['sleep', '5'] });
            while ((await stateOf(server.baseUrl, token, id)) === 'pending') await sleep(50);
            latencies.push(performance.now() - t0);
          }
          latencies.sort((a, b) => a - b);
          metrics.push({
            metric: 'submit → running visible in the API (median of 5)',
            value: Math.round(latencies[2] ?? 0),
            unit: 'ms',
          });
        } finally {
          cancelAll();
          cancelAll('bench-raw');
        }
        return metrics;
      },
      {
        PLINTH_COMPUTE_EXECUTORS: executors,
        PLINTH_COMPUTE_POLL_INTERVAL_SECONDS: '1',
        PLINTH_COMPUTE_SUBMITS_PER_MINUTE: '100000',
        PLINTH_CATALOG_SYNC_INTERVAL_SECONDS: '0',
        SLURM_CONF: slurmConf,
      },
    );
  },
};
