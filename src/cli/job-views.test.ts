import { describe, expect, it } from 'vitest';
import type { Job } from './job-api.js';
import { ago, formatDuration, jobState, jobsTable, tasksSummary } from './job-views.js';

const task = (index: number, state: Job['state']) => ({
  index,
  state,
  exitCode: null,
  startedAt: null,
  endedAt: null,
});

describe('job views', () => {
  it('counts the tasks of an array by state, naming those that did not succeed', () => {
    const tasks = [...Array.from({ length: 9 }, (_, i) => task(i, 'succeeded')), task(9, 'failed')];
    expect(tasksSummary(tasks)).toBe('10 tasks: 9 succeeded, 1 failed (9)');
    expect(tasksSummary([task(0, 'running')])).toBe('1 task: 1 running');
  });

  it('marks a stale state with the time it dates from', () => {
    expect(jobState({ state: 'running', stale: false, statusAt: '2025-01-31T14:05:09Z' })).toBe('running');
    expect(jobState({ state: 'running', stale: true, statusAt: '2025-01-31T14:05:09Z' })).toBe(
      'running (stale, as of 14:05 UTC)',
    );
  });

  it('shows durations and ages in the units that matter', () => {
    expect(formatDuration(null)).toBe('-');
    expect(formatDuration(42.7)).toBe('42s');
    expect(formatDuration(725)).toBe('12m 05s');
    expect(formatDuration(3725)).toBe('1h 02m');
    expect(formatDuration(90_000)).toBe('1d 1h');
    const now = Date.parse('2025-01-31T14:05:00Z');
    expect(ago('2025-01-31T14:04:58Z', now)).toBe('just now');
    expect(ago('2025-01-31T14:00:00Z', now)).toBe('5m ago');
    expect(ago('2025-01-29T14:00:00Z', now)).toBe('2d ago');
    expect(ago('2024-11-02T10:00:00Z', now)).toBe('2024-11-02');
  });

  it('lists jobs with the end of their ids', () => {
    const job = {
      id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
      name: 'train',
      state: 'succeeded',
      executor: 'local',
      durationSeconds: 3,
      submittedAt: '2025-01-31T14:00:00Z',
      stale: false,
      statusAt: null,
    } as unknown as Job;
    const text = jobsTable([job], Date.parse('2025-01-31T14:05:00Z'));
    expect(text.split('\n')).toEqual([
      'ID        NAME   STATE      EXECUTOR  DURATION  SUBMITTED',
      'STVWXYZ0  train  succeeded  local     3s        5m ago',
    ]);
  });
});
