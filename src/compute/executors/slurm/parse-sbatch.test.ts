import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstError, isUnreachable } from './cli-errors.js';
import { parseSbatchId, sbatchRefusal } from './parse-sbatch.js';

// sbatch's real answers (scripts/slurm-fixtures.sh); the unreachable ones from a stopped slurmctld.
const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');

describe('sbatch output', () => {
  test('reads the job id of --parsable, with or without a cluster', () => {
    expect(parseSbatchId(fixture('sbatch-parsable.txt'))).toMatch(/^\d+$/);
    expect(parseSbatchId('123;plinth\n')).toBe('123');
    expect(parseSbatchId('Submitted batch job 123')).toBeNull();
  });

  test('tells why sbatch refused a job, in Slurm’s words', () => {
    expect(sbatchRefusal(fixture('sbatch-invalid-partition.txt'))).toBe(
      'invalid partition specified: nope (Invalid partition name specified)',
    );
    expect(sbatchRefusal(fixture('sbatch-memory.txt'))).toBe(
      'Memory specification can not be satisfied (Requested node configuration is not available)',
    );
    expect(sbatchRefusal(fixture('sbatch-time.txt'))).toBe('Invalid --time specification');
    expect(sbatchRefusal(fixture('sbatch-constraint.txt'))).toBe('Invalid feature specification');
    expect(sbatchRefusal('')).toBe('sbatch refused the job without saying why');
  });

  test('tells a Slurm that does not answer from a Slurm that says no', () => {
    const down = [
      'sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)',
      'slurm_load_jobs error: Unable to contact slurm controller (connect failure)',
      'scancel: error: Kill job error on job id 5: Unable to contact slurm controller (connect failure)',
      'sacct: error: Munge encode failed: Failed to access "/run/munge/munge.socket.2"',
    ];
    for (const text of down) expect(isUnreachable(text), text).toBe(true);
    for (const name of ['sbatch-invalid-partition.txt', 'sbatch-memory.txt', 'sbatch-gres.txt']) {
      expect(isUnreachable(fixture(name)), name).toBe(false);
    }
    expect(firstError(down[1] as string)).toBe(
      'slurm_load_jobs error: Unable to contact slurm controller (connect failure)',
    );
    expect(firstError(down[0] as string)).toBe(
      'Batch job submission failed: Unable to contact slurm controller (connect failure)',
    );
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseSbatchId(text);
        expect(typeof sbatchRefusal(text)).toBe('string');
        isUnreachable(text);
      }),
    );
  });
});
