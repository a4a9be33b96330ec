/**
 * Benchmark runner: `npm run bench` runs every scenario, `npm run bench -- cold-start idle-rss` only
 * those named. Prints a table and writes bench/results/<timestamp>.json; exits 1 if a scenario failed.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { printTable, type ScenarioResult, writeResults } from './lib/report.js';
import { killAllServers } from './lib/server.js';
import type { Scenario } from './lib/types.js';
import { removeAllWorkspaces } from './lib/workspace.js';
import { catalog10k, catalog100k } from './scenarios/catalog-ingest.js';
import { coldStart } from './scenarios/cold-start.js';
import { idleRss } from './scenarios/idle-rss.js';
import { idsHttp, idsInProcess } from './scenarios/ids.js';
import { jobsSlurm } from './scenarios/jobs-slurm.js';
import { meThroughput } from './scenarios/me-throughput.js';
import { searchIndex100k } from './scenarios/search-index.js';
import { sweepsLocal } from './scenarios/sweeps.js';
import { templatesConcurrentRuns, templatesDryRun } from './scenarios/templates.js';

const scenarios: Scenario[] = [
  coldStart,
  idleRss,
  meThroughput,
  idsInProcess,
  idsHttp,
  catalog10k,
  catalog100k,
  jobsSlurm,
  sweepsLocal,
  searchIndex100k,
  templatesDryRun,
  templatesConcurrentRuns,
];

function cleanUp(): void {
  killAllServers();
  removeAllWorkspaces();
}

// An interrupted run must not leave portals listening or temp folders behind.
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the portals\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

function select(names: string[]): Scenario[] {
  if (names.length === 0) return scenarios;
  const unknown = names.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    const known = scenarios.map((s) => s.name).join(', ');
    process.stderr.write(`unknown scenario: ${unknown.join(', ')}; known: ${known}\n`);
    process.exit(2);
  }
  return scenarios.filter((s) => names.includes(s.name));
}

async function runOne(scenario: Scenario): Promise<ScenarioResult> {
  process.stderr.write(`> ${scenario.name}: ${scenario.description}\n`);
  const started = performance.now();
  const base = { scenario: scenario.name, description: scenario.description };
  try {
    const metrics = await scenario.run();
    return { ...base, ok: true, durationMs: Math.round(performance.now() - started), metrics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n!!! ${scenario.name} FAILED: ${message}\n\n`);
    return {
      ...base,
      ok: false,
      error: message,
      durationMs: Math.round(performance.now() - started),
      metrics: [],
    };
  }
}

const startedAt = new Date();
const loadAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
if ((loadAtStart[0] ?? 0) > cpus().length / 2) {
  process.stderr.write(`warning: the machine is busy (load ${loadAtStart[0]}); the figures will be noisy\n`);
}
const results: ScenarioResult[] = [];
for (const scenario of select(process.argv.slice(2))) results.push(await runOne(scenario));

printTable(results);
const file = writeResults(
  fileURLToPath(new URL('results', import.meta.url)),
  startedAt,
  loadAtStart,
  results,
);
process.stdout.write(`\nresults written to ${file}\n`);
if (results.some((r) => !r.ok)) process.exitCode = 1;
