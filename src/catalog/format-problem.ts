import type { CatalogProblem } from './model.js';

/**
 * One problem as one line, `file:line:col code message`, the form editors and CI annotate from.
 * @example formatProblem(p) // "catalog/a.yaml:7:10 CATALOG_DANGLING_REF spec.owner: 'team-x' is not a known Group"
 */
export function formatProblem(problem: CatalogProblem): string {
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const message = problem.message.replace(/[\r\n]+/g, ' ');
  return `${problem.file}:${problem.line}:${problem.column} ${problem.code} ${severity}${message}`;
}

/** The counts behind a validation's one-line summary. */
export interface ProblemSummary {
  entities: number;
  errors: number;
  warnings: number;
}

/** Counts errors and warnings. */
export function summarizeProblems(entities: number, problems: readonly CatalogProblem[]): ProblemSummary {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { entities, errors, warnings: problems.length - errors };
}

/**
 * The summary in words.
 * @example formatSummary({ entities: 12, errors: 2, warnings: 1 }) // "12 entities, 2 errors, 1 warning"
 */
export function formatSummary(summary: ProblemSummary): string {
  const count = (n: number, word: string, plural: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
  return [
    count(summary.entities, 'entity', 'entities'),
    count(summary.errors, 'error', 'errors'),
    count(summary.warnings, 'warning', 'warnings'),
  ].join(', ');
}
