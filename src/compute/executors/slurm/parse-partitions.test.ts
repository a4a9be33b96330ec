import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePartitions } from './parse-partitions.js';

// Real output of Slurm 22.05.8 (scripts/slurm-fixtures.sh on the cluster of scripts/slurm-up.sh).
const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');

describe('partition parser', () => {
  test('reads partitions with their limits and GPU types from scontrol and sinfo', () => {
    const { rows, problems } = parsePartitions(
      fixture('scontrol-partitions.txt'),
      fixture('sinfo-partitions.txt'),
    );
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    const [debug, short] = rows;
    expect(debug).toMatchObject({
      name: 'debug',
      isDefault: true,
      state: 'up',
      maxTimeMinutes: null,
      nodes: 1,
    });
    expect(short).toMatchObject({
      name: 'short',
      isDefault: false,
      maxTimeMinutes: 10,
      defaultTimeMinutes: 1,
    });
    expect(short?.totalCpus).toBeGreaterThan(0);
    expect(short?.maxMemoryMbPerNode).toBeGreaterThan(0);
    expect(debug?.gpus).toEqual([
      { type: 'a100', maxPerNode: 2 },
      { type: 't4', maxPerNode: 1 },
    ]);
  });

  test('takes the largest node of a partition whose nodes differ', () => {
    const scontrol =
      'PartitionName=gpu Default=NO MaxTime=2-00:00:00 State=UP TotalCPUs=96 TotalNodes=3 MaxMemPerCPU=8000\n';
    const sinfo = 'gpu|up|2|32|256000|gpu:a100:4|idle|g[1-2]\ngpu|up|1|32|512000|gpu:h100:8(S:0-1)|mix|g3\n';
    const [gpu] = parsePartitions(scontrol, sinfo).rows;
    expect(gpu).toMatchObject({ maxTimeMinutes: 2880, maxMemoryMbPerNode: 512_000, maxMemoryMbPerCpu: 8000 });
    expect(gpu?.gpus).toEqual([
      { type: 'a100', maxPerNode: 4 },
      { type: 'h100', maxPerNode: 8 },
    ]);
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const { rows } = parsePartitions(a, b);
        for (const row of rows) expect(row.name.length).toBeGreaterThan(0);
      }),
    );
  });
});
