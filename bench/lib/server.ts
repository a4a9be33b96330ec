import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { createWorkspace, type Workspace } from './workspace.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const live = new Set<ChildProcess>();
let spawnCount = 0;

/** A portal started by a benchmark: `node bin/plinth.js serve` on 127.0.0.1 with SQLite in a workspace. */
export interface ServerHandle {
  readonly pid: number;
  readonly baseUrl: string;
  /** `performance.now()` taken just before the spawn. */
  readonly spawnedAt: number;
  readonly logFile: string;
  isRunning(): boolean;
  stop(): Promise<void>;
}

function serverEnv(workspace: Workspace, port: number, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // A developer's own PLINTH_* settings (a PostgreSQL URL, say) must not leak into the measurement.
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('PLINTH_')) env[key] = value;
  return {
    ...env,
    PLINTH_HOST: '127.0.0.1',
    PLINTH_PORT: String(port),
    PLINTH_DATA_DIR: workspace.dataDir,
    PLINTH_ADMIN_USER: 'admin',
    PLINTH_ADMIN_PASSWORD: workspace.adminPassword,
    PLINTH_SECRET_KEY: workspace.secretKey,
    PLINTH_LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** Spawns the portal on `port` with the workspace's data folder; the caller waits with `waitReady`. */
export function startServer(
  workspace: Workspace,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
): ServerHandle {
  if (!existsSync(join(repoRoot, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
  spawnCount += 1;
  const logFile = join(workspace.dir, `server-${spawnCount}.log`);
  // The log goes to a file, not a pipe: a full pipe nobody reads would stall the server.
  const logFd = openSync(logFile, 'a');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['bin/plinth.js', 'serve'], {
    cwd: repoRoot,
    env: serverEnv(workspace, port, extraEnv),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  if (child.pid === undefined) throw new Error('could not spawn the portal');
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    spawnedAt,
    logFile,
    isRunning,
    async stop() {
      if (!isRunning()) return;
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Status of `GET url`, or undefined while nothing answers. */
function probe(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** Polls `GET /readyz` every 10 ms; resolves with the ms from spawn to the first 200. */
export async function waitReady(server: ServerHandle, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!server.isRunning()) throw new Error(`the portal exited before it was ready\n${logTail(server)}`);
    if ((await probe(`${server.baseUrl}/readyz`)) === 200) return performance.now() - server.spawnedAt;
    await sleep(10);
  }
  throw new Error(`the portal was not ready after ${timeoutMs} ms\n${logTail(server)}`);
}

/** The end of the portal's log, to explain a failure. */
export function logTail(server: ServerHandle, lines = 20): string {
  const text = existsSync(server.logFile) ? readFileSync(server.logFile, 'utf8') : '';
  return `--- last lines of ${server.logFile}\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
}

/** Last-resort cleanup for an interrupted run; synchronous so that it also works in an `exit` handler. */
export function killAllServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Runs `use` against a fresh, ready portal; the portal is stopped and its workspace removed even on error. */
export async function withServer<T>(
  label: string,
  use: (server: ServerHandle, workspace: Workspace) => Promise<T>,
  extraEnv: NodeJS.ProcessEnv | ((workspace: Workspace) => NodeJS.ProcessEnv) = {},
): Promise<T> {
  const workspace = createWorkspace(label);
  let server: ServerHandle | undefined;
  try {
    const env = typeof extraEnv === 'function' ? extraEnv(workspace) : extraEnv;
    server = startServer(workspace, await freePort(), env);
    await waitReady(server);
    return await use(server, workspace);
  } finally {
    await server?.stop();
    workspace.remove();
  }
}
