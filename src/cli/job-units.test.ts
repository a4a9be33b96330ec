import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_MEMORY_MB,
  MAX_TIME_MINUTES,
  type Parsed,
  parseKeyValue,
  parseMemory,
  parseTimeLimit,
} from './job-units.js';

const value = <T>(parsed: Parsed<T>): T | string => (parsed.ok ? parsed.value : `error: ${parsed.error}`);

/** Holds for any answer: a whole number in range, or an error that quotes the input. */
function isClearAnswer(text: string, parsed: Parsed<number>, max: number): boolean {
  if (parsed.ok) return Number.isInteger(parsed.value) && parsed.value >= 1 && parsed.value <= max;
  return parsed.error.length > 0 && parsed.error.includes(`'${text}'`);
}

describe('parseMemory', () => {
  it('reads binary units into megabytes, a bare number as megabytes', () => {
    expect(value(parseMemory('4G'))).toBe(4096);
    expect(value(parseMemory('512M'))).toBe(512);
    expect(value(parseMemory('512'))).toBe(512);
    expect(value(parseMemory('1.5G'))).toBe(1536);
    expect(value(parseMemory('2T'))).toBe(2 * 1024 * 1024);
    expect(value(parseMemory('4gb'))).toBe(4096);
    expect(value(parseMemory('4GiB'))).toBe(4096);
    expect(value(parseMemory('1500K'))).toBe(2);
  });

  it('refuses what it cannot read, nothing and too much, saying what it expected', () => {
    expect(value(parseMemory('lots'))).toMatch(/expected a size such as 512M, 4G/);
    expect(value(parseMemory('4X'))).toMatch(/'4X'/);
    expect(value(parseMemory('0G'))).toMatch(/at least 1M/);
    expect(value(parseMemory('17T'))).toMatch(/limit of 16T/);
  });

  it('turns N G into N × 1024', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_MEMORY_MB / 1024 }), (n) => {
        expect(value(parseMemory(`${n}G`))).toBe(n * 1024);
      }),
    );
  });

  it('never throws: any string gives a size in range or a clear error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => isClearAnswer(text, parseMemory(text), MAX_MEMORY_MB)),
      { numRuns: 2000 },
    );
    const shaped = fc.tuple(
      fc.stringMatching(/^\d{0,12}(\.\d{0,4})?$/),
      fc.constantFrom('', 'k', 'M', 'G', 'T', 'GiB'),
    );
    fc.assert(
      fc.property(shaped, ([amount, unit]) => {
        const text = `${amount}${unit}`;
        return isClearAnswer(text, parseMemory(text), MAX_MEMORY_MB);
      }),
    );
  });
});

describe('parseTimeLimit', () => {
  it('reads units, H:MM:SS, days-H:MM:SS and bare minutes', () => {
    expect(value(parseTimeLimit('1:30:00'))).toBe(90);
    expect(value(parseTimeLimit('90m'))).toBe(90);
    expect(value(parseTimeLimit('2h'))).toBe(120);
    expect(value(parseTimeLimit('1h30m'))).toBe(90);
    expect(value(parseTimeLimit('1.5h'))).toBe(90);
    expect(value(parseTimeLimit('1d'))).toBe(1440);
    expect(value(parseTimeLimit('2-12:00:00'))).toBe(3600);
    expect(value(parseTimeLimit('45'))).toBe(45);
  });

  it('rounds seconds up to whole minutes', () => {
    expect(value(parseTimeLimit('30s'))).toBe(1);
    expect(value(parseTimeLimit('0:01:01'))).toBe(2);
  });

  it('refuses what it cannot read, nothing and too much, saying what it expected', () => {
    expect(value(parseTimeLimit('soon'))).toMatch(/expected a duration such as 90m, 2h/);
    expect(value(parseTimeLimit('1:30'))).toMatch(/H:MM:SS/);
    expect(value(parseTimeLimit('1:75:00'))).toMatch(/'1:75:00'/);
    expect(value(parseTimeLimit('0m'))).toMatch(/at least 1m/);
    expect(value(parseTimeLimit('400d'))).toMatch(/limit of 365 days/);
  });

  it('reads H:MM:SS as minutes, seconds rounded up', () => {
    const clock = fc.record({
      h: fc.integer({ min: 0, max: 8000 }),
      m: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(clock, ({ h, m, s }) => {
        fc.pre(h + m + s > 0);
        const text = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
        expect(value(parseTimeLimit(text))).toBe(h * 60 + m + (s > 0 ? 1 : 0));
      }),
    );
  });

  it('never throws: any string gives a limit in range or a clear error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => isClearAnswer(text, parseTimeLimit(text), MAX_TIME_MINUTES)),
      { numRuns: 2000 },
    );
    const shaped = fc.stringMatching(/^(\d{0,10}(\.\d{0,3})?[smhd:-]?){0,4}$/);
    fc.assert(fc.property(shaped, (text) => isClearAnswer(text, parseTimeLimit(text), MAX_TIME_MINUTES)));
  });
});

describe('parseKeyValue', () => {
  it('splits at the first =, keeping empty values and later = signs', () => {
    expect(value(parseKeyValue('project=climate'))).toEqual(['project', 'climate']);
    expect(value(parseKeyValue('QUERY=a=b'))).toEqual(['QUERY', 'a=b']);
    expect(value(parseKeyValue('EMPTY='))).toEqual(['EMPTY', '']);
  });

  it('refuses a missing = or key', () => {
    expect(value(parseKeyValue('project'))).toMatch(/expected key=value/);
    expect(value(parseKeyValue('=climate'))).toMatch(/no key/);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseKeyValue(text);
        return parsed.ok
          ? `${parsed.value[0]}=${parsed.value[1]}`.length <= text.length
          : parsed.error !== '';
      }),
    );
  });
});
