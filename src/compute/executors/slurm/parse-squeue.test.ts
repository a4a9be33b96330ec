import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expandOutputPattern, parseSqueue, SQUEUE_FIELDS, type SqueueRow } from './parse-squeue.js';

// Real output of Slurm 22.05.8, captured by scripts/slurm-fixtures.sh.
const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');
const byName = (rows: SqueueRow[], name: string) => rows.filter((r) => r.name === name);
const one = (rows: SqueueRow[], name: string) => byName(rows, name)[0] as SqueueRow;

describe('squeue parser', () => {
  const mixed = parseSqueue(fixture('squeue-mixed.txt'));
  const final = parseSqueue(fixture('squeue-final.txt'));

  test('reads every line of real squeue output without a problem', () => {
    expect(mixed.problems).toEqual([]);
    expect(final.problems).toEqual([]);
    expect(mixed.rows).toHaveLength(fixture('squeue-mixed.txt').trim().split('\n').length);
  });

  test('reads pending jobs with their reasons and no start time', () => {
    expect(one(mixed.rows, 'fx-held')).toMatchObject({
      status: { state: 'pending', rawState: 'PENDING' },
      reason: 'JobHeldUser',
      startedAt: null,
      node: null,
    });
    expect(one(mixed.rows, 'fx-big')).toMatchObject({
      reason: 'Resources',
      startedAt: null,
      tres: { cpus: 2, memoryMb: 1024 },
    });
    expect(one(mixed.rows, 'fx-too-long')).toMatchObject({
      reason: 'PartitionTimeLimit',
      timeLimitMinutes: 60,
    });
  });

  test('reads a running job with its start, node and time limit, and no end yet', () => {
    const running = one(mixed.rows, 'fx-timeout');
    expect(running).toMatchObject({
      status: { state: 'running' },
      node: 'localhost',
      partition: 'short',
      timeLimitMinutes: 1,
      endedAt: null,
      exitCode: null,
    });
    expect(running.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('reads exit codes from the raw wait status: exit 3, killed by signal 9', () => {
    expect(one(final.rows, 'fx-fail3')).toMatchObject({
      status: { state: 'failed', rawState: 'FAILED' },
      reason: 'NonZeroExitCode',
      exitCode: 3,
      signal: null,
    });
    expect(one(final.rows, 'fx-oom')).toMatchObject({
      status: { state: 'failed' },
      exitCode: null,
      signal: 9,
    });
    expect(one(final.rows, 'fx-ok')).toMatchObject({ status: { state: 'succeeded' }, exitCode: 0 });
  });

  test('reads a timeout and a cancelled job, and a job cancelled before it ever started', () => {
    expect(one(final.rows, 'fx-timeout')).toMatchObject({
      status: { state: 'timeout' },
      reason: 'TimeLimit',
    });
    const cancelled = one(final.rows, 'fx-running');
    expect(cancelled).toMatchObject({ status: { state: 'cancelled' }, signal: 15 });
    expect(cancelled.startedAt).not.toBeNull();
    expect(one(final.rows, 'fx-held')).toMatchObject({
      status: { state: 'cancelled' },
      startedAt: null,
      endedAt: null,
    });
  });

  test('gives each array task its index and the id of its array', () => {
    const tasks = byName(final.rows, 'fx-array').sort((a, b) => (a.arrayTaskId ?? 0) - (b.arrayTaskId ?? 0));
    expect(tasks.map((t) => t.arrayTaskId)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(tasks.map((t) => t.arrayJobId)).size).toBe(1);
    expect(tasks[3]).toMatchObject({ status: { state: 'failed' }, exitCode: 7 });
    expect(tasks.filter((t) => t.status.state === 'succeeded')).toHaveLength(5);
  });

  test('expands the stderr pattern of a job and of an array task', () => {
    const oom = one(final.rows, 'fx-oom');
    expect(expandOutputPattern(oom.stderrPattern ?? '', oom)).toMatch(
      new RegExp(`/slurm-${oom.jobId}\\.err$`),
    );
    const task = { jobId: '59', arrayJobId: '52', arrayTaskId: 3, name: 'x' };
    expect(expandOutputPattern('/o/slurm-%A_%a.err', task)).toBe('/o/slurm-52_3.err');
    expect(expandOutputPattern('/o/%x-%4j-%%.out', task)).toBe('/o/x-0059-%.out');
  });

  test('keeps a | inside a job name, and reports short lines instead of throwing', () => {
    const line = fixture('squeue-final.txt')
      .split('\n')[0]
      ?.replace(/\|fx-running\|$/, '|a|b|');
    expect(parseSqueue(line ?? '').rows[0]?.name).toBe('a|b');
    const broken = parseSqueue('12|12|N/A|RUNNING\nnot squeue at all\n');
    expect(broken.rows).toEqual([]);
    expect(broken.problems).toHaveLength(2);
  });

  test('never throws on arbitrary text, and reads only lines with a job id', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.array(fc.string(), { maxLength: 20 }).map((a) => a.join('|')),
          ),
        ),
        (lines) => {
          const { rows } = parseSqueue(lines.join('\n'));
          for (const row of rows) expect(row.jobId).toMatch(/^\d+$/);
        },
      ),
    );
  });

  test('asks squeue for as many fields as it reads', () => {
    expect(SQUEUE_FIELDS).toHaveLength(14);
    expect(SQUEUE_FIELDS[SQUEUE_FIELDS.length - 1]).toBe('Name');
  });
});
