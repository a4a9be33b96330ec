// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell parameter expansions, not templates
import { commandLine, shellQuote } from '../shell-quote.js';
import type { ParamSet } from './sweep-spec.js';

/** One trial of a batch: its number, its parameters and the files it reads and writes. */
export interface BatchTrial {
  number: number;
  params: ParamSet;
  paramsFile: string;
  metricsFile: string;
}

const paramVar = (name: string) => `PLINTH_PARAM_${name.toUpperCase()}`;

/** A heredoc delimiter that no line of `text` equals. */
function delimiterFor(text: string): string {
  const lines = new Set(text.split('\n'));
  let delimiter = 'PLINTH_TRIAL_SCRIPT';
  for (let i = 1; lines.has(delimiter); i++) delimiter = `PLINTH_TRIAL_SCRIPT_${i}`;
  return delimiter;
}

/**
 * The script of an array job that runs several trials at once: the array task index picks the
 * trial, whose parameters are set as PLINTH_PARAM_* (and its files as PLINTH_PARAMS_FILE and
 * PLINTH_METRICS_FILE) before the trial's own command or script runs. Everything is in the
 * script itself, so it works wherever the executor runs it.
 */
export function batchScript(
  sweepName: string,
  trials: readonly BatchTrial[],
  run: { command?: string[]; script?: string },
): string {
  const first = trials[0]?.number ?? 0;
  const last = trials.at(-1)?.number ?? first;
  const cases = trials.map((trial, task) => {
    const vars = [
      `PLINTH_TRIAL=${shellQuote(String(trial.number))}`,
      ...Object.entries(trial.params).map(([k, v]) => `${paramVar(k)}=${shellQuote(String(v))}`),
      `PLINTH_PARAMS_FILE=${shellQuote(trial.paramsFile)}`,
      `PLINTH_METRICS_FILE=${shellQuote(trial.metricsFile)}`,
    ];
    return `  ${task}) export ${vars.join(' ')} ;;`;
  });
  const lines = [
    '#!/bin/bash',
    `# Trials ${first}-${last} of the sweep ${sweepName}: the array task index picks each trial's parameters.`,
    'case "${SLURM_ARRAY_TASK_ID:-${PLINTH_ARRAY_TASK_ID:-}}" in',
    ...cases,
    '  *) echo "plinth: no trial for array task ${SLURM_ARRAY_TASK_ID:-${PLINTH_ARRAY_TASK_ID:-?}}" >&2; exit 2 ;;',
    'esac',
  ];
  if (run.command) {
    lines.push(`exec ${commandLine(run.command)}`);
  } else {
    const script = run.script ?? '';
    const delimiter = delimiterFor(script);
    const body = script.endsWith('\n') ? script : `${script}\n`;
    lines.push(
      'trial_script="$(mktemp "${TMPDIR:-/tmp}/plinth-trial-XXXXXX")"',
      `cat > "$trial_script" <<'${delimiter}'`,
      `${body}${delimiter}`,
      'chmod +x "$trial_script"',
      // A script without #! runs with bash, as a job's script would.
      script.startsWith('#!') ? '"$trial_script"' : 'bash "$trial_script"',
      'status=$?',
      'rm -f "$trial_script"',
      'exit $status',
    );
  }
  return `${lines.join('\n')}\n`;
}
