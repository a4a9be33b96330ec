import { describe, expect, test } from 'vitest';
import { formatProblem, formatSummary, summarizeProblems } from './format-problem.js';
import type { CatalogProblem } from './model.js';

const problem = (severity: CatalogProblem['severity'], message: string): CatalogProblem => ({
  file: 'catalog/a.yaml',
  line: 7,
  column: 10,
  code: 'CATALOG_DANGLING_REF',
  severity,
  message,
});

describe('formatProblem', () => {
  test('prints file:line:col code message, one line each', () => {
    expect(formatProblem(problem('error', "spec.owner: 'team-x' is not a known Group"))).toBe(
      "catalog/a.yaml:7:10 CATALOG_DANGLING_REF spec.owner: 'team-x' is not a known Group",
    );
    expect(formatProblem(problem('warning', 'two\nlines'))).toBe(
      'catalog/a.yaml:7:10 CATALOG_DANGLING_REF warning: two lines',
    );
  });

  test('summarizes the counts in words', () => {
    const summary = summarizeProblems(12, [
      problem('error', 'a'),
      problem('error', 'b'),
      problem('warning', 'c'),
    ]);
    expect(summary).toEqual({ entities: 12, errors: 2, warnings: 1 });
    expect(formatSummary(summary)).toBe('12 entities, 2 errors, 1 warning');
    expect(formatSummary({ entities: 1, errors: 0, warnings: 0 })).toBe('1 entity, 0 errors, 0 warnings');
  });
});
