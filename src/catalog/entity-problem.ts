import type { CatalogProblem, ParsedEntity, ProblemSeverity } from './model.js';
import type { CatalogProblemCode } from './problem-codes.js';

/**
 * A problem of one entity, placed at the field concerned: the field's own line and column when
 * it is written, else its nearest written parent (a missing `spec.owner` is shown at `spec`), else
 * the start of the document.
 */
export function entityProblem(
  parsed: ParsedEntity,
  code: CatalogProblemCode,
  field: string | undefined,
  message: string,
  severity: ProblemSeverity = 'error',
): CatalogProblem {
  const where = field === undefined ? undefined : locate(parsed.fieldPositions, field);
  const problem: CatalogProblem = {
    file: parsed.position.file,
    line: where?.line ?? parsed.position.line,
    column: where?.column ?? parsed.position.column,
    code,
    severity,
    message,
    entityRef: parsed.ref,
  };
  if (field !== undefined) problem.field = field;
  return problem;
}

function locate(positions: ParsedEntity['fieldPositions'], field: string) {
  for (let path = field; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    const found = positions.get(path);
    if (found) return found;
  }
  return undefined;
}
