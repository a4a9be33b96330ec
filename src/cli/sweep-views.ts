import { shortId } from './job-api.js';
import { ago } from './job-views.js';
import { fields, table, when } from './output.js';
import type { Sweep, SweepDetail, Trial } from './sweep-api.js';

const objectiveOf = (sweep: Sweep) =>
  sweep.spec as { objective: { metric: string; goal: string }; maxTrials: number };

/** The best trial so far, in words: "trial 7: loss 0.0123". */
export function bestLine(sweep: Sweep): string {
  if (!sweep.best || sweep.best.value === null) return 'no result yet';
  return `trial ${sweep.best.trial}: ${objectiveOf(sweep).objective.metric} ${formatValue(sweep.best.value)}`;
}

export function formatValue(value: number | null): string {
  if (value === null) return '-';
  return Math.abs(value) >= 1e5 || (Math.abs(value) < 1e-3 && value !== 0)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(6)));
}

export function sweepsTable(sweeps: readonly Sweep[], now: number = Date.now()): string {
  return table(sweeps, [
    { heading: 'id', cell: (s) => shortId(s.id) },
    { heading: 'name', cell: (s) => s.name },
    { heading: 'state', cell: (s) => s.state },
    { heading: 'trials', cell: (s) => `${s.trialCount}/${objectiveOf(s).maxTrials}` },
    { heading: 'best', cell: bestLine },
    { heading: 'started', cell: (s) => ago(s.createdAt, now) },
  ]);
}

/** The trials as a table, best first for a finished sweep's reader. */
export function trialsTable(trials: readonly Trial[]): string {
  return table(trials, [
    { heading: '#', cell: (t) => String(t.number) },
    { heading: 'state', cell: (t) => t.state },
    { heading: 'value', cell: (t) => formatValue(t.value) },
    {
      heading: 'parameters',
      cell: (t) =>
        Object.entries(t.params)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' '),
    },
  ]);
}

export function sweepDetail(sweep: SweepDetail): string {
  const { objective } = objectiveOf(sweep);
  const head = fields([
    ['id', sweep.id],
    ['name', sweep.name],
    ['state', sweep.reason ? `${sweep.state} (${sweep.reason})` : sweep.state],
    ['objective', `${objective.goal} ${objective.metric}`],
    ['trials', `${sweep.trialCount} of at most ${objectiveOf(sweep).maxTrials}`],
    ['best', bestLine(sweep)],
    ['owner', sweep.team ? `${sweep.owner} (team ${sweep.team})` : sweep.owner],
    ['started', when(sweep.createdAt)],
    ['ended', when(sweep.endedAt)],
  ]);
  const best = sweep.best ? sweep.trials.find((t) => t.number === sweep.best?.trial) : undefined;
  const params = best ? `\nBest parameters:\n${JSON.stringify(best.params, null, 2)}\n` : '';
  return `${head}${params}\n${sweep.trials.length > 0 ? trialsTable(sweep.trials) : 'No trials yet.\n'}`;
}

/** One line of progress: "12 done · 4 running · best trial 7: loss 0.0123". */
export function progressLine(sweep: SweepDetail): string {
  const count = (states: string[]) => sweep.trials.filter((t) => states.includes(t.state)).length;
  const done = count(['succeeded', 'failed', 'cancelled', 'timeout', 'lost', 'pruned', 'refused']);
  const running = count(['running', 'pending', 'submitting', 'pruning']);
  return `Sweep ${shortId(sweep.id)}: ${done}/${objectiveOf(sweep).maxTrials} done · ${running} running · best ${bestLine(sweep)}`;
}
