import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSacct, SACCT_FIELDS } from './parse-sacct.js';
import { parseSqueue } from './parse-squeue.js';
import { arrayStatus, fromSacct, fromSqueue, merge, toStatus } from './status.js';

// Real output of Slurm 22.05.8 (see __fixtures__/README.md).
const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');
function found<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('not in the fixture');
  return value;
}
const queue = parseSqueue(fixture('squeue-final.txt')).rows;
const accounted = parseSacct(fixture('sacct-slurmdbd.txt'), SACCT_FIELDS).rows;
const observe = (name: string) => fromSqueue(found(queue.find((r) => r.name === name)));

describe('statuses from what Slurm says', () => {
  test('a failed job carries its exit code and why it ended', () => {
    expect(toStatus(observe('fx-fail3'))).toMatchObject({
      state: 'failed',
      rawState: 'FAILED',
      exitCode: 3,
      explanation:
        'Exited with code 3: the program reported an error. Its last lines are in the log (stderr).',
    });
  });

  test('a job killed for its memory says how much it used, from its stderr', () => {
    const status = toStatus(observe('fx-oom'), { usedMb: 314.6, limitMb: 50 });
    expect(status.explanation).toMatch(/^Out of memory: it used 315 MB of the 50 MB it asked for/);
  });

  test('a timeout names the time limit', () => {
    expect(toStatus(observe('fx-timeout')).explanation).toMatch(/^Hit its time limit of 1 minute/);
  });

  test('a pending job gives its reason in plain words and no end', () => {
    const pending = fromSqueue(
      found(parseSqueue(fixture('squeue-mixed.txt')).rows.find((r) => r.name === 'fx-big')),
    );
    expect(toStatus(pending)).toMatchObject({
      state: 'pending',
      reason: 'Waiting for enough free CPUs, memory or GPUs. (Resources)',
      endedAt: null,
    });
    expect(toStatus(pending).explanation).toBeUndefined();
  });

  test('a cancelled job leaves the words to Plinth, who knows who cancelled', () => {
    expect(toStatus(observe('fx-running')).explanation).toBeUndefined();
  });

  test('accounting adds usage, the request and efficiency to a finished job', () => {
    const ok = found(accounted.find((r) => r.name === 'dbd-ok'));
    const status = toStatus(found(merge(undefined, fromSacct(ok))));
    expect(status.usage).toMatchObject({
      requested: { cpus: 1, memoryMb: 2048 },
      efficiency: { advice: [expect.stringMatching(/^Requested 2 GB, peak 13\d MB: ask for 256 MB/)] },
    });
    expect(status.usage?.maxRssMb).toBeGreaterThan(100);
  });

  test('accounting tells who cancelled on the cluster', () => {
    const cancelled = found(accounted.find((r) => r.name === 'dbd-cancel'));
    expect(toStatus(fromSacct(cancelled)).explanation).toBe('Cancelled by user id 0 on the cluster.');
  });

  test('an array is as its worst task, with each task by index', () => {
    const tasks = queue
      .filter((r) => r.name === 'fx-array')
      .map((r) => toStatus(fromSqueue(r)))
      .sort((a, b) => a.externalId.localeCompare(b.externalId));
    const parent = found(found(tasks[0]).externalId.split('_')[0]);
    const status = arrayStatus(parent, tasks);
    expect(status).toMatchObject({ externalId: parent, state: 'failed', exitCode: 7 });
    expect(status.tasks?.map((t) => t.externalId)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${parent}_${i}`));
    expect(status.explanation).toBe(
      '1 of 6 tasks did not succeed. Task 3: Exited with code 7: the program reported an error. Its last lines are in the log (stderr).',
    );
  });

  test('an array with tasks still to run is running; with all done, succeeded', () => {
    const done = { externalId: '9_0', state: 'succeeded' as const };
    const waiting = { externalId: '9_1', state: 'pending' as const };
    expect(arrayStatus('9', [done, waiting]).state).toBe('running');
    expect(arrayStatus('9', [waiting]).state).toBe('pending');
    expect(arrayStatus('9', [done, { ...done, externalId: '9_1' }])).toMatchObject({
      state: 'succeeded',
      exitCode: 0,
      explanation: 'All 2 tasks finished successfully.',
    });
  });
});
