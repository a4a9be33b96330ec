import type { StateTone } from '../../components/StateBadge.js';

/** How each sweep and trial state reads and feels. */
export const sweepStates: Record<string, { label: string; tone: StateTone }> = {
  running: { label: 'Running', tone: 'info' },
  stopping: { label: 'Stopping', tone: 'warn' },
  succeeded: { label: 'Succeeded', tone: 'ok' },
  stopped: { label: 'Stopped', tone: 'off' },
  failed: { label: 'Failed', tone: 'danger' },
  // Trials: their job's states, and the sweep's own words.
  submitting: { label: 'Submitting', tone: 'off' },
  pending: { label: 'Pending', tone: 'off' },
  cancelled: { label: 'Cancelled', tone: 'off' },
  timeout: { label: 'Timed out', tone: 'warn' },
  lost: { label: 'Lost', tone: 'warn' },
  pruning: { label: 'Stopping early', tone: 'warn' },
  pruned: { label: 'Stopped early', tone: 'warn' },
  refused: { label: 'Refused', tone: 'danger' },
};

export function stateLook(state: string): { label: string; tone: StateTone } {
  return sweepStates[state] ?? { label: state, tone: 'off' };
}

/** A metric value, short: 0.0123, 1.23e-5, 123457. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

/** Parameters as `k=v` pairs, for tables and copying. */
export function paramsLine(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? formatValue(v) : String(v)}`)
    .join('  ');
}
