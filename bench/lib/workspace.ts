import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway folder for one portal's data and logs, removed by `remove()` or when the runner exits. */
export interface Workspace {
  readonly dir: string;
  readonly dataDir: string;
  readonly adminPassword: string;
  /** Kept for the workspace's life: restarts on the same data must decrypt what earlier starts wrote. */
  readonly secretKey: string;
  remove(): void;
}

const live = new Set<string>();

/** Makes a workspace under the system temp folder; `label` names the scenario, for whoever finds it. */
export function createWorkspace(label: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `plinth-bench-${label}-`));
  live.add(dir);
  return {
    dir,
    dataDir: join(dir, 'data'),
    adminPassword: randomBytes(12).toString('base64url'),
    secretKey: randomBytes(32).toString('hex'),
    remove() {
      rmSync(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
}

/** Last-resort cleanup for an interrupted run; synchronous so that it also works in an `exit` handler. */
export function removeAllWorkspaces(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}
