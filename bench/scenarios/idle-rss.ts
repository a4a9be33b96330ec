import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { withServer } from '../lib/server.js';
import type { Metric, Scenario } from '../lib/types.js';

const IDLE_MS = 5_000;

/** A field of /proc/<pid>/status in MB (the kernel reports kB). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Resident memory of a portal that started and then sat idle: what one replica costs at rest. */
export const idleRss: Scenario = {
  name: 'idle-rss',
  description: `VmRSS of the portal process after start and ${IDLE_MS / 1000} s idle`,
  run: () =>
    withServer('idle-rss', async (server): Promise<Metric[]> => {
      await sleep(IDLE_MS);
      if (!server.isRunning()) throw new Error('the portal exited while idle');
      return [
        { metric: `VmRSS after ${IDLE_MS / 1000} s idle`, value: statusMb(server.pid, 'VmRSS'), unit: 'MB' },
        { metric: 'VmHWM (peak RSS so far)', value: statusMb(server.pid, 'VmHWM'), unit: 'MB' },
      ];
    }),
};
