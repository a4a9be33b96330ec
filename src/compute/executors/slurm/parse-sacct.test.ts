import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSacct, SACCT_FIELDS, SACCT_JOBCOMP_FIELDS, type SacctRow } from './parse-sacct.js';

// Real output of Slurm 22.05.8: `sacct -c` by scripts/slurm-fixtures.sh; with slurmdbd, see __fixtures__/README.md.
const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');
const one = (rows: SacctRow[], name: string) => rows.find((r) => r.name === name) as SacctRow;

describe('sacct parser, jobcomp/filetxt (sacct -c)', () => {
  const { rows, problems } = parseSacct(fixture('sacct-jobcomp.txt'), SACCT_JOBCOMP_FIELDS);

  test('reads every finished job', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(fixture('sacct-jobcomp.txt').trim().split('\n').length);
  });

  test('reads states, exit codes and signals as sacct prints them', () => {
    expect(one(rows, 'fx-fail3')).toMatchObject({ status: { state: 'failed' }, exitCode: 3, signal: null });
    expect(one(rows, 'fx-oom')).toMatchObject({ status: { state: 'failed' }, exitCode: null, signal: 9 });
    expect(one(rows, 'fx-timeout')).toMatchObject({ status: { state: 'timeout' }, timeLimitMinutes: 1 });
    expect(one(rows, 'fx-ok')).toMatchObject({
      status: { state: 'succeeded' },
      exitCode: 0,
      node: 'localhost',
    });
    expect(one(rows, 'fx-held')).toMatchObject({
      status: { state: 'cancelled' },
      node: null,
      startedAt: null,
    });
  });

  test('has no usage: jobcomp does not record it', () => {
    expect(rows.every((r) => r.cpuSeconds === null && r.maxRssMb === null)).toBe(true);
  });
});

describe('sacct parser, slurmdbd', () => {
  const { rows, problems } = parseSacct(fixture('sacct-slurmdbd.txt'), SACCT_FIELDS);

  test('reads every job and array task, folding steps into them', () => {
    expect(problems).toEqual([]);
    const jobs = fixture('sacct-slurmdbd.txt')
      .trim()
      .split('\n')
      .filter((l) => !l.split('|')[1]?.includes('.'));
    expect(rows).toHaveLength(jobs.length);
  });

  test('reads a job that never started: no node, no start', () => {
    expect(one(rows, 'dbd-held')).toMatchObject({ node: null, startedAt: null, timeLimitMinutes: null });
  });

  test('keeps the peak memory of a job killed for its memory (from its batch step)', () => {
    expect(one(rows, 'dbd-oom')).toMatchObject({ signal: 9, requestedMemoryMb: 50 });
    expect(one(rows, 'dbd-oom').maxRssMb).toBeGreaterThan(300);
  });

  test('takes the peak memory from the largest step and the CPU time from the job', () => {
    const ok = one(rows, 'dbd-ok');
    expect(ok.status.state).toBe('succeeded');
    expect(ok.maxRssMb).toBeGreaterThan(100);
    expect(ok.cpuSeconds).toBeGreaterThan(2);
    expect(ok.requestedMemoryMb).toBe(2048);
  });

  test('reads array tasks as ARRAY_TASK with the id of their array', () => {
    const tasks = rows
      .filter((r) => r.name === 'dbd-array')
      .sort((a, b) => (a.arrayTaskId ?? 0) - (b.arrayTaskId ?? 0));
    expect(tasks.map((t) => t.arrayTaskId)).toEqual([0, 1, 2, 3]);
    expect(new Set(tasks.map((t) => t.arrayJobId)).size).toBe(1);
    expect(tasks[2]).toMatchObject({ status: { state: 'failed' }, exitCode: 7 });
  });

  test('reads who cancelled a job', () => {
    expect(one(rows, 'dbd-cancel').status).toMatchObject({ state: 'cancelled', cancelledByUid: 0 });
  });
});

describe('sacct parser, any text', () => {
  test('never throws, and every row it returns has a numeric id', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.array(fc.string(), { maxLength: 20 }).map((a) => a.join('|')),
          ),
        ),
        (lines) => {
          for (const fields of [SACCT_FIELDS, SACCT_JOBCOMP_FIELDS]) {
            const { rows } = parseSacct(lines.join('\n'), fields);
            for (const row of rows) expect(row.arrayJobId).toMatch(/^\d+$/);
          }
        },
      ),
    );
  });
});
