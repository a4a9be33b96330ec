import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../core/time.js';
import { type Executor, type ExternalStatus, FINAL_STATES } from './extension.js';
import type { JobSpec } from './job-spec.js';

export interface ContractSubject {
  executor: Executor;
  /** A second instance on the same state, as after a restart of Plinth. */
  restart(): Promise<Executor>;
  /** What makes a job's time limit as short as this executor allows. */
  shortTimeLimit: Partial<JobSpec>;
  /** How long a job may take to reach a state here (a scheduler is slower than a fork). */
  patienceMs: number;
  /** Folder for job outputs, visible to the executor's jobs. */
  outputRoot: string;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  skip?: { reason: string; tests: string[] }[];
}

/**
 * The behaviour every executor must have, run against each one for real:
 * `executorContract('local', makeLocal)`. Gaps are listed in `skip` with a reason, never silently.
 */
export function executorContract(
  name: string,
  make: () => Promise<ContractSubject>,
  options: ContractOptions = {},
) {
  const skipped = new Set(options.skip?.flatMap((s) => s.tests) ?? []);
  const it = (title: string, body: () => Promise<void>) =>
    (skipped.has(title) ? test.skip : test)(title, { timeout: 240_000 }, body);

  describe(`executor contract: ${name}`, () => {
    let s: ContractSubject;
    let executor: Executor;
    const started: string[] = [];
    beforeAll(async () => {
      s = await make();
      executor = s.executor;
    });
    afterAll(async () => {
      for (const id of started) await executor.cancel(id).catch(() => undefined);
      await s?.cleanup();
    });

    async function submit(spec: Omit<JobSpec, 'name'> & { name?: string }) {
      const jobId = newId();
      const outputDir = join(s.outputRoot, jobId);
      const full = { name: `contract-${jobId.slice(-6).toLowerCase()}`, ...spec } as JobSpec;
      const submitted = await executor.submit({ jobId, spec: full, outputDir, env: full.env ?? {} });
      started.push(submitted.externalId);
      return submitted;
    }

    async function until(id: string, done: (st: ExternalStatus) => boolean, on: Executor = executor) {
      const deadline = Date.now() + s.patienceMs;
      let last: ExternalStatus | undefined;
      while (Date.now() < deadline) {
        last = (await on.poll([id])).get(id);
        if (last && done(last)) return last;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`job ${id} did not reach the expected state; last: ${JSON.stringify(last)}`);
    }
    const final = (st: ExternalStatus) => FINAL_STATES.has(st.state);

    it('runs a command to success and captures its output', async () => {
      const job = await submit({ command: ['sh', '-c', 'echo "hello from $PLINTH_JOB_ID"; echo oops >&2'] });
      const status = await until(job.externalId, final);
      expect(status).toMatchObject({ state: 'succeeded', exitCode: 0 });
      expect(status.startedAt).toBeTruthy();
      expect(readFileSync(job.stdoutPath, 'utf8')).toContain('hello from');
      expect(readFileSync(job.stderrPath, 'utf8')).toContain('oops');
    });

    it('runs a script with its shebang and environment', async () => {
      const job = await submit({
        script: '#!/bin/sh\necho "greeting=$GREETING"\n',
        env: { GREETING: 'bonjour' },
      });
      await until(job.externalId, final);
      expect(readFileSync(job.stdoutPath, 'utf8')).toContain('greeting=bonjour');
    });

    it('reports a failure with its exit code', async () => {
      const job = await submit({ command: ['sh', '-c', 'exit 3'] });
      expect(await until(job.externalId, final)).toMatchObject({ state: 'failed', exitCode: 3 });
    });

    it('cancels a running job', async () => {
      const job = await submit({ command: ['sleep', '300'] });
      await until(job.externalId, (st) => st.state === 'running');
      await executor.cancel(job.externalId);
      expect((await until(job.externalId, final)).state).toBe('cancelled');
    });

    it('ends a job that exceeds its time limit as timeout', async () => {
      const job = await submit({ command: ['sleep', '600'], ...s.shortTimeLimit });
      expect((await until(job.externalId, final)).state).toBe('timeout');
    });

    it('runs an array of 10 tasks, each with its index', async () => {
      const job = await submit({ command: ['sh', '-c', 'echo "task $SLURM_ARRAY_TASK_ID"'], array: '0-9' });
      const status = await until(job.externalId, (st) => final(st) && (st.tasks?.every(final) ?? false));
      expect(status.state).toBe('succeeded');
      expect(status.tasks).toHaveLength(10);
      expect(status.tasks?.every((t) => t.state === 'succeeded')).toBe(true);
    });

    it('cancelling an unknown job is not an error', async () => {
      await expect(executor.cancel('999999999')).resolves.toBeUndefined();
    });

    it('after a restart, knows the finished and the still-running jobs', async () => {
      const done = await submit({ command: ['sh', '-c', 'exit 0'] });
      await until(done.externalId, final);
      const running = await submit({ command: ['sh', '-c', 'sleep 2; exit 4'] });
      await until(running.externalId, (st) => st.state === 'running');
      const again = await s.restart();
      expect((await again.poll([done.externalId])).get(done.externalId)?.state).toBe('succeeded');
      expect((await until(running.externalId, final, again)).state).toBe('failed');
    });
  });
}

/** A temp folder for an executor's outputs, removed by the returned function. */
export function tempOutputRoot(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
