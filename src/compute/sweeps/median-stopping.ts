/** A trial's objective over its steps, lower is better (maximised objectives are negated first). */
export type Curve = readonly (readonly [step: number, value: number])[];

/** The mean of a curve's values up to `step` (the running average the median rule compares). */
function runningAverage(curve: Curve, step: number): number | null {
  const upTo = curve.filter(([s]) => s <= step);
  if (upTo.length === 0) return null;
  return upTo.reduce((sum, [, v]) => sum + v, 0) / upTo.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The median stopping rule (Golovin et al., Google Vizier, 2017): a running trial stops when its
 * best value so far is worse than the median of the completed trials' running averages at the
 * same step. Nothing stops before `minTrials` trials completed or before `minStep`.
 */
export function shouldStop(
  running: Curve,
  completed: readonly Curve[],
  rule: { minTrials: number; minStep: number },
): boolean {
  const last = running[running.length - 1];
  if (!last || last[0] < rule.minStep) return false;
  const step = last[0];
  const averages = completed.map((c) => runningAverage(c, step)).filter((v): v is number => v !== null);
  if (averages.length < rule.minTrials) return false;
  const best = Math.min(...running.map(([, v]) => v));
  return best > median(averages);
}
