import { freePort } from '../lib/free-port.js';
import { type ServerHandle, startServer, waitReady } from '../lib/server.js';
import type { Metric, Scenario } from '../lib/types.js';
import { createWorkspace, type Workspace } from '../lib/workspace.js';

const WARM_RUNS = 5;

async function timeOneStart(workspace: Workspace): Promise<number> {
  // A new port each time: the previous process's socket may linger in TIME_WAIT.
  let server: ServerHandle | undefined;
  try {
    server = startServer(workspace, await freePort());
    return await waitReady(server);
  } finally {
    await server?.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Time from spawn to a 200 on /readyz: first start on an empty database, then restarts on it. */
export const coldStart: Scenario = {
  name: 'cold-start',
  description: `spawn to first 200 on GET /readyz: first start (migrations, admin), then ${WARM_RUNS} restarts`,
  async run(): Promise<Metric[]> {
    const workspace = createWorkspace('cold-start');
    try {
      const first = await timeOneStart(workspace);
      const warm: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await timeOneStart(workspace));
      return [
        { metric: 'first start (empty DB)', value: round(first), unit: 'ms' },
        { metric: `warm restart median (${WARM_RUNS} runs)`, value: round(median(warm)), unit: 'ms' },
        { metric: `warm restart max (${WARM_RUNS} runs)`, value: round(Math.max(...warm)), unit: 'ms' },
      ];
    } finally {
      workspace.remove();
    }
  },
};
