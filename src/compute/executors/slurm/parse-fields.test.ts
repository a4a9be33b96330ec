import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  parseDuration,
  parseExitPair,
  parseGpuGres,
  parseMemoryMb,
  parseTimeLimitMinutes,
  parseTimestamp,
  parseTres,
  parseWaitStatus,
} from './parse-fields.js';

describe('Slurm field parsers', () => {
  test('reads durations in every layout Slurm prints', () => {
    expect(parseDuration('1:00')).toBe(60); // squeue: one minute
    expect(parseDuration('10:00')).toBe(600);
    expect(parseDuration('1:00:00')).toBe(3600);
    expect(parseDuration('365-00:00:00')).toBe(365 * 86_400);
    expect(parseDuration('2-03')).toBe(2 * 86_400 + 3 * 3600);
    expect(parseDuration('1-02:03')).toBe(86_400 + 2 * 3600 + 3 * 60);
    expect(parseDuration('00:01.234')).toBe(1.234); // sacct TotalCPU
    expect(parseDuration('UNLIMITED')).toBeNull();
    expect(parseDuration('INFINITE')).toBeNull();
    expect(parseDuration('N/A')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });

  test('reads time limits from squeue and from sacct raw minutes', () => {
    expect(parseTimeLimitMinutes('1:00')).toBe(1);
    expect(parseTimeLimitMinutes('UNLIMITED')).toBeNull();
    expect(parseTimeLimitMinutes('525600', true)).toBe(525_600);
    expect(parseTimeLimitMinutes('UNLIMITED', true)).toBeNull();
  });

  test('reads memory sizes in MB', () => {
    expect(parseMemoryMb('100M')).toBe(100);
    expect(parseMemoryMb('1G')).toBe(1024);
    expect(parseMemoryMb('1.5G')).toBe(1536);
    expect(parseMemoryMb('2048K')).toBe(2);
    expect(parseMemoryMb('4000Mn')).toBe(4000);
    expect(parseMemoryMb('16Gc')).toBe(16_384);
    expect(parseMemoryMb('')).toBeNull();
    expect(parseMemoryMb('lots')).toBeNull();
  });

  test('reads Unix-seconds time stamps and the default local format', () => {
    expect(parseTimestamp('1795872067')).toBe(new Date(1795872067 * 1000).toISOString());
    expect(parseTimestamp('2026-11-28T13:12:10')).toBe(new Date('2026-11-28T13:12:10').toISOString());
    expect(parseTimestamp('N/A')).toBeNull();
    expect(parseTimestamp('NONE')).toBeNull();
    expect(parseTimestamp('Unknown')).toBeNull();
  });

  test('reads exit codes: sacct pairs and squeue raw wait statuses', () => {
    expect(parseExitPair('3:0')).toEqual({ exitCode: 3, signal: null });
    expect(parseExitPair('0:9')).toEqual({ exitCode: null, signal: 9 });
    expect(parseWaitStatus('768')).toEqual({ exitCode: 3, signal: null });
    expect(parseWaitStatus('1792')).toEqual({ exitCode: 7, signal: null });
    expect(parseWaitStatus('15')).toEqual({ exitCode: null, signal: 15 });
    expect(parseWaitStatus('0')).toEqual({ exitCode: 0, signal: null });
  });

  test('reads TRES lists and GPU gres', () => {
    expect(parseTres('cpu=2,mem=600M,node=1,billing=2,gres/gpu=1')).toEqual({
      cpus: 2,
      memoryMb: 600,
      nodes: 1,
      gpus: 1,
    });
    expect(parseGpuGres('gpu:a100:2,gpu:t4:1')).toEqual([
      { type: 'a100', count: 2 },
      { type: 't4', count: 1 },
    ]);
    expect(parseGpuGres('gpu:a100:4(S:0-1),mps:100')).toEqual([{ type: 'a100', count: 4 }]);
    expect(parseGpuGres('gpu:2')).toEqual([{ type: null, count: 2 }]);
    expect(parseGpuGres('(null)')).toEqual([]);
  });

  test('never throws, whatever the text', () => {
    const parsers = [
      parseDuration,
      parseMemoryMb,
      parseTimestamp,
      parseExitPair,
      parseWaitStatus,
      parseTres,
      parseGpuGres,
      (s: string) => parseTimeLimitMinutes(s, true),
    ];
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const parse of parsers) parse(text);
      }),
    );
  });

  test('a duration it prints back reads as the same number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400 }), (total) => {
        const d = Math.floor(total / 86_400);
        const h = Math.floor((total % 86_400) / 3600);
        const m = Math.floor((total % 3600) / 60);
        const s = total % 60;
        const two = (n: number) => String(n).padStart(2, '0');
        const text =
          d > 0
            ? `${d}-${two(h)}:${two(m)}:${two(s)}`
            : h > 0
              ? `${h}:${two(m)}:${two(s)}`
              : `${m}:${two(s)}`;
        expect(parseDuration(text)).toBe(total);
      }),
    );
  });
});
