import type { CheckResult, DryRun, OutputLink, StepView } from './template-api.js';

/** The files of a dry run as an indented tree with sizes. */
export function fileTree(files: DryRun['files']): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const folder = parts.slice(0, depth + 1).join('/');
      if (!seen.has(folder)) {
        seen.add(folder);
        lines.push(`${'  '.repeat(depth)}${parts[depth]}/`);
      }
    }
    const size = file.size < 1024 ? `${file.size} B` : `${(file.size / 1024).toFixed(1)} KiB`;
    lines.push(
      `${'  '.repeat(parts.length - 1)}${parts[parts.length - 1]}  (${size}${file.binary ? ', binary' : ''})`,
    );
  }
  return lines.join('\n');
}

/** One line per check, with its findings under it. */
export function checkLines(checks: CheckResult[]): string {
  return checks
    .map((c) => {
      const mark = c.passed ? 'passed' : c.blocking ? 'FAILED' : 'warning';
      const findings = c.findings.map((f) => `    ${f.file ?? ''}${f.line ? `:${f.line}` : ''} ${f.message}`);
      return [`  ${mark.padEnd(7)} ${c.title}`, ...findings].join('\n');
    })
    .join('\n');
}

/** One line per step with its state. */
export function stepLines(steps: StepView[]): string {
  return steps
    .map(
      (s) =>
        `  ${s.state.padEnd(9)} ${s.name} (${s.action})${s.error ? `: ${s.error}` : s.note ? ` — ${s.note}` : ''}`,
    )
    .join('\n');
}

/** The outputs of a task: a link to open, an entity to find. */
export function outputLines(output: OutputLink[], baseUrl: string): string {
  return output
    .map((o) => {
      const target = o.url
        ? o.url.startsWith('/')
          ? `${baseUrl.replace(/\/$/, '')}${o.url}`
          : o.url
        : `catalog ${o.entityRef}`;
      return `  ${o.title}: ${target}`;
    })
    .join('\n');
}
