import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Metric } from './types.js';

/** What one scenario produced: its figures, or the error that stopped it. */
export interface ScenarioResult {
  scenario: string;
  description: string;
  ok: boolean;
  error?: string;
  durationMs: number;
  metrics: Metric[];
}

/** Prints the figures as an aligned table: scenario, metric, value, unit. */
export function printTable(results: ScenarioResult[]): void {
  const rows = [['scenario', 'metric', 'value', 'unit']];
  for (const r of results) {
    if (!r.ok) rows.push([r.scenario, 'FAILED', '-', '-']);
    for (const m of r.metrics) rows.push([r.scenario, m.metric, String(m.value), m.unit]);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ');
  const [header = [], ...body] = rows;
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of body) process.stdout.write(`${line(row)}\n`);
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Writes bench/results/<ISO-8601 basic timestamp>.json (no colons, so it is a valid name everywhere). */
export function writeResults(
  dir: string,
  startedAt: Date,
  loadAtStart: number[],
  results: ScenarioResult[],
): string {
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `${stamp}.json`);
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    // Other work on the machine skews every figure; keep the 1/5/15-minute load beside them.
    loadAtStart,
  };
  const document = { startedAt: startedAt.toISOString(), commit: gitCommit(), machine, results };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
