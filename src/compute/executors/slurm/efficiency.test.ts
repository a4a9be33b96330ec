import { describe, expect, test } from 'vitest';
import { efficiency } from './efficiency.js';

const base = {
  cpus: 1,
  elapsedSeconds: 600,
  cpuSeconds: 590,
  requestedMemoryMb: 4096,
  maxRssMb: 3500,
  timeLimitMinutes: 20,
  succeeded: true,
};

describe('job efficiency', () => {
  test('reports CPU, memory and time used against what was asked for', () => {
    expect(efficiency(base)).toEqual({ cpuPercent: 98.3, memoryPercent: 85.4, timePercent: 50, advice: [] });
  });

  test('advises less memory when the peak is far below the request', () => {
    expect(efficiency({ ...base, requestedMemoryMb: 65_536, maxRssMb: 3072 }).advice).toEqual([
      'Requested 64 GB, peak 3 GB: ask for 4 GB and it will start sooner.',
    ]);
  });

  test('advises fewer CPUs when most of them idled', () => {
    const e = efficiency({ ...base, cpus: 8, cpuSeconds: 1.2 * 600 });
    expect(e.cpuPercent).toBe(15);
    expect(e.advice).toEqual([
      'Used 1.2 of its 8 CPUs on average: ask for 2 and it will start sooner, unless the program can be made to use them all.',
    ]);
  });

  test('advises a shorter time limit when a job used a small part of it', () => {
    expect(
      efficiency({ ...base, elapsedSeconds: 20 * 60, cpuSeconds: 1190, timeLimitMinutes: 24 * 60 }).advice,
    ).toEqual(['Ran 20 minutes of its 1 day limit: ask for 30 minutes and it will start sooner (backfill).']);
  });

  test('says nothing it cannot know', () => {
    expect(efficiency({ ...base, cpuSeconds: null, maxRssMb: null, elapsedSeconds: null })).toEqual({
      cpuPercent: null,
      memoryPercent: null,
      timePercent: null,
      advice: [],
    });
  });
});
