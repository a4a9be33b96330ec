import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { completeLines, parseMetricLines, parseMetricsFile } from './metric-lines.js';

describe('metric lines', () => {
  test('reads values and steps from the lines among the rest of the output', () => {
    const log = [
      'loading data...',
      'PLINTH_METRIC loss=0.5 accuracy=0.81 step=1',
      'epoch 2/10',
      '  PLINTH_METRIC loss=0.25 step=2  ',
      'PLINTH_METRIC: error=1e-3',
    ].join('\n');
    expect(parseMetricLines(log)).toEqual([
      { step: 1, values: { loss: 0.5, accuracy: 0.81 } },
      { step: 2, values: { loss: 0.25 } },
      { step: null, values: { error: 0.001 } },
    ]);
  });

  test('garbage is passed over: other prefixes, bad numbers, bad steps, empty reports', () => {
    const log = [
      'PLINTH_METRICS loss=1',
      'PLINTH_METRIC loss=abc step=1',
      'PLINTH_METRIC loss=NaN',
      'PLINTH_METRIC loss=Infinity',
      'PLINTH_METRIC =3 loss==2 1x=4',
      'PLINTH_METRIC loss=0.3 step=-1 step=2.5',
      'PLINTH_METRIC',
      'echo PLINTH_METRIC loss=9',
    ].join('\n');
    expect(parseMetricLines(log)).toEqual([{ step: null, values: { loss: 0.3 } }]);
  });

  test('never throws, and every value it returns is a finite number', () => {
    const line = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.string(), fc.double())
        .map(([k, v]) => `PLINTH_METRIC ${k}=${v} step=${Math.floor(Math.abs(v))}`),
    );
    fc.assert(
      fc.property(fc.array(line), (lines) => {
        for (const report of parseMetricLines(lines.join('\n'))) {
          for (const value of Object.values(report.values)) expect(Number.isFinite(value)).toBe(true);
          if (report.step !== null) expect(Number.isInteger(report.step)).toBe(true);
        }
      }),
    );
  });

  test('a half-written last line waits for the next read', () => {
    expect(completeLines('PLINTH_METRIC loss=1\nPLINTH_METRIC lo')).toEqual({
      complete: 'PLINTH_METRIC loss=1\n',
      rest: 'PLINTH_METRIC lo'.length,
    });
    expect(completeLines('no newline yet')).toEqual({ complete: '', rest: 14 });
  });

  test('a metrics file holds numbers by name; anything else is ignored', () => {
    expect(parseMetricsFile('{"loss": 0.2, "note": "x", "n": null}')).toEqual({ loss: 0.2 });
    expect(parseMetricsFile('[1,2]')).toEqual({});
    expect(parseMetricsFile('not json')).toEqual({});
  });
});
