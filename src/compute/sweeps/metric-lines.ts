/** One report of a trial: metric values at a step (the step is absent when the trial gave none). */
export interface MetricReport {
  step: number | null;
  values: Record<string, number>;
}

const PREFIX = 'PLINTH_METRIC';
const PAIR = /^([A-Za-z_][A-Za-z0-9_.-]{0,63})=(\S+)$/;

/**
 * Reads the metric lines a trial printed: `PLINTH_METRIC loss=0.123 accuracy=0.91 step=10`.
 * Anything else in the log — and any malformed pair in such a line — is passed over, never an
 * error: a trial's output is whatever its program prints.
 * @example parseMetricLines('epoch 1\nPLINTH_METRIC loss=0.5 step=1\n') // [{ step: 1, values: { loss: 0.5 } }]
 */
export function parseMetricLines(text: string): MetricReport[] {
  const reports: MetricReport[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith(PREFIX)) continue;
    const rest = line.slice(PREFIX.length);
    if (rest !== '' && !/^[\s:]/.test(rest)) continue;
    const values: Record<string, number> = {};
    let step: number | null = null;
    for (const word of rest.replace(/^:/, '').trim().split(/\s+/)) {
      const match = PAIR.exec(word);
      if (!match) continue;
      const value = Number(match[2]);
      if (!Number.isFinite(value)) continue;
      if (match[1] === 'step') {
        if (Number.isInteger(value) && value >= 0) step = value;
      } else values[match[1] as string] = value;
    }
    if (Object.keys(values).length > 0) reports.push({ step, values });
  }
  return reports;
}

/**
 * Splits log text at its last newline: the complete lines now, the unfinished one for later (a
 * metric line half-written when the log is read must not be lost or misread).
 */
export function completeLines(text: string): { complete: string; rest: number } {
  const end = text.lastIndexOf('\n');
  return end < 0
    ? { complete: '', rest: Buffer.byteLength(text) }
    : { complete: text.slice(0, end + 1), rest: Buffer.byteLength(text.slice(end + 1)) };
}

/** The metrics JSON file a trial may write instead: `{ "loss": 0.12, "accuracy": 0.9 }`. */
export function parseMetricsFile(text: string): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
    ),
  );
}
