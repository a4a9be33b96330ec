import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { createLogger } from '../../src/core/logger.js';
import { defaultRegistry } from '../../src/server/create-server.js';
import { DEFAULT_LAYOUT, decomposeId } from '../../src/services/ids/layout.js';
import { SnowflakeGenerator } from '../../src/services/ids/snowflake.js';
import { WorkerLease } from '../../src/services/ids/worker-lease.js';
import { servicesMigrations } from '../../src/services/index.js';
import { testDatabases } from '../helpers/databases.js';
import { freshPostgresDatabase } from '../helpers/server.js';

const logger = createLogger('silent');
const root = fileURLToPath(new URL('../..', import.meta.url));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(kind: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'plinth-lease-'));
  const pg = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
  const database = await openDatabase(defaultRegistry(), { url: pg?.url, dataDir }, logger);
  await migrateToLatest(database.db, servicesMigrations);
  return {
    database,
    url: pg?.url,
    async close() {
      await database.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function replica(db: Db, workers: number, leaseMs: number) {
  const generator = new SnowflakeGenerator({ ...DEFAULT_LAYOUT, workerBits: Math.log2(workers) });
  const lease = new WorkerLease(db, logger, {
    workers,
    leaseMs,
    onWindow: (w) => generator.setWindow(w),
    lastIssuedMs: () => generator.lastIssuedMs,
  });
  return { generator, lease };
}

describe.each(testDatabases())('worker-id leases on %s', (kind) => {
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open(kind);
  });
  afterAll(async () => opened?.close());

  test('replicas get different worker ids, and one more than there are ids gets none', async () => {
    const db = opened.database.db;
    const replicas = [
      replica(db, 4, 60_000),
      replica(db, 4, 60_000),
      replica(db, 4, 60_000),
      replica(db, 4, 60_000),
    ];
    await Promise.all(replicas.map((r) => r.lease.tick()));
    const workers = replicas.map((r) => r.lease.state()).map((s) => (s.state === 'held' ? s.worker : -1));
    expect(new Set(workers)).toEqual(new Set([0, 1, 2, 3]));
    const extra = replica(db, 4, 60_000);
    await extra.lease.tick();
    expect(extra.lease.state()).toMatchObject({ state: 'waiting' });
    expect(() => extra.generator.next()).toThrow(/no worker id/);
    for (const r of replicas) await r.lease.stop();
    // Released ids are free at once.
    await extra.lease.tick();
    expect(extra.lease.state()).toMatchObject({ state: 'held' });
    await extra.lease.stop();
    await db.deleteFrom('id_worker_leases').execute();
  });

  test('a replica that misses its renewal loses the id and stops; the next holder starts after it', async () => {
    const db = opened.database.db;
    const a = replica(db, 1, 300);
    const b = replica(db, 1, 300);
    await a.lease.tick();
    await b.lease.tick();
    expect(b.lease.state()).toMatchObject({ state: 'waiting' });
    const fromA = a.generator.nextBatch(1000);
    await pause(350);
    // A's lease ran out while it did not renew: it refuses to issue, even before it hears of it.
    expect(() => a.generator.next()).toThrow(/lease ran out/);
    await b.lease.tick();
    expect(b.lease.state()).toMatchObject({ state: 'held', worker: 0 });
    const fromB = b.generator.nextBatch(1000);
    await a.lease.tick();
    expect(a.lease.state()).toMatchObject({ state: 'waiting' });
    const all = new Set([...fromA, ...fromB]);
    expect(all.size).toBe(2000);
    const lastA = fromA.at(-1) as bigint;
    expect(fromB[0]).toBeGreaterThan(lastA);
    const layout = b.generator.layout;
    expect(decomposeId(layout, fromB[0] as bigint).timestampMs).toBeGreaterThan(
      decomposeId(layout, lastA).timestampMs,
    );
    await b.lease.stop();
    await db.deleteFrom('id_worker_leases').execute();
  });
});

interface Child {
  pid: number;
  ready: Promise<void>;
  stop(): void;
  done: Promise<string>;
}

function startReplica(url: string, out: string, name: string): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/services/lease-process.ts', url, out, name],
    {
      cwd: root,
    },
  );
  let stdout = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    pid: child.pid as number,
    ready,
    stop: () => child.stdin.end(),
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(stdout.replace('ready\n', ''))
          : reject(new Error(`replica ${name} exited ${code}`)),
      );
    }),
  };
}

describe.runIf(testDatabases().includes('postgres'))(
  'two processes sharing one worker id on PostgreSQL',
  () => {
    test('hand the lease back and forth when one stalls, over a long run, and never issue the same id', async () => {
      const opened = await open('postgres');
      const work = mkdtempSync(join(tmpdir(), 'plinth-handover-'));
      try {
        const runMs = 12_000;
        const replicas = ['a', 'b'].map((name) =>
          startReplica(opened.url as string, join(work, `${name}.txt`), name),
        );
        // Starting a process under load can take seconds: the stalls begin once both replicas run.
        await Promise.all(replicas.map((r) => r.ready));
        const byName = new Map([
          ['a', replicas[0] as Child],
          ['b', replicas[1] as Child],
        ]);
        let handOvers = 0;
        let previous: string | undefined;
        const started = Date.now();
        await pause(1000);
        // Freeze whoever holds the id for longer than its lease, as a long GC pause or a VM stall would.
        while (Date.now() - started < runMs) {
          const row = await opened.database.db
            .selectFrom('id_worker_leases')
            .select('holder_name')
            .executeTakeFirst();
          const holder = row ? byName.get(row.holder_name) : undefined;
          if (row && holder) {
            if (previous && previous !== row.holder_name) handOvers++;
            previous = row.holder_name;
            process.kill(holder.pid, 'SIGSTOP');
            await pause(1200);
            process.kill(holder.pid, 'SIGCONT');
          }
          await pause(800);
        }
        await pause(1000);
        for (const r of replicas) r.stop();
        await pause(1000);
        for (const r of replicas) r.stop();
        const reports = (await Promise.all(replicas.map((r) => r.done))).map((s) => JSON.parse(s));
        const [fromA, fromB] = ['a', 'b'].map((name) =>
          readFileSync(join(work, `${name}.txt`), 'utf8')
            .split('\n')
            .filter(Boolean),
        ) as [string[], string[]];
        const lists = [fromA, fromB];
        const total = fromA.length + fromB.length;
        expect(fromA.length).toBeGreaterThan(1000);
        expect(fromB.length).toBeGreaterThan(1000);
        expect(new Set([...fromA, ...fromB]).size).toBe(total);
        for (const list of lists) {
          for (let i = 1; i < list.length; i++)
            expect(BigInt(list[i] as string) > BigInt(list[i - 1] as string)).toBe(true);
        }
        expect(handOvers).toBeGreaterThanOrEqual(2);
        expect(reports.reduce((n, r) => n + r.issued, 0)).toBe(total);
      } finally {
        rmSync(work, { recursive: true, force: true });
        await opened.close();
      }
    }, 60_000);
  },
);
