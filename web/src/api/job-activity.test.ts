import { describe, expect, test } from 'vitest';
import { refreshInterval } from './job-activity.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe('refreshInterval', () => {
  test('asks nothing more once every job has ended', () => {
    expect(refreshInterval([{ state: 'succeeded', startedAt: ago(1), submittedAt: ago(2) }], now)).toBe(
      false,
    );
    expect(refreshInterval([], now)).toBe(false);
  });

  test('asks often about a job that just started, less as it ages', () => {
    expect(refreshInterval([{ state: 'running', startedAt: ago(0.5), submittedAt: ago(1) }], now)).toBe(
      3_000,
    );
    expect(refreshInterval([{ state: 'running', startedAt: ago(5), submittedAt: ago(6) }], now)).toBe(10_000);
    expect(refreshInterval([{ state: 'pending', startedAt: null, submittedAt: ago(120) }], now)).toBe(30_000);
  });
});
