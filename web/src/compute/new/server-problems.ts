import { ApiError } from '../../api/api-error.js';
import { applyFieldProblems } from '../../components/apply-field-problems.js';
import { formFieldOf } from './job-form-model.js';

/** The fields of the form that can show a problem the server found. */
export const problemFields = [
  'name',
  'executor',
  'commandLine',
  'script',
  'workingDirectory',
  'cpus',
  'memoryGb',
  'gpus',
  'gpuType',
  'timeHours',
  'partition',
  'array',
  'labels',
  'team',
  'env',
] as const;

// Compute errors name their field at the start of the message: "array: '9-0' ends before it starts".
const FIELD_FIRST = /^([A-Za-z][\w.]*): (.+)$/s;

/**
 * The field problems of a refused submission: `VALIDATION_FAILED` lists them, and the compute
 * errors (`COMPUTE_INVALID_SPEC`, `COMPUTE_TEAM_NOT_YOURS`…) name one field in their message.
 */
function withFieldFromMessage(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const match = FIELD_FIRST.exec(error.message);
  const problems =
    error.fieldProblems.length > 0
      ? error.fieldProblems
      : match
        ? [{ field: match[1] ?? '', message: match[2] ?? '' }]
        : [];
  return new ApiError(error.status, error.code, error.message, problems.map(namingTheEntry));
}

/** A problem with one variable or label shows on the whole list, so it says which entry it is about. */
function namingTheEntry(problem: { field: string; message: string }) {
  const entry = /^(?:env|labels)\.(.+)$/.exec(problem.field)?.[1];
  return entry ? { ...problem, message: `${entry}: ${problem.message}` } : problem;
}

/**
 * Puts what the server refused onto the form's own fields. Returns whether one took it; when none
 * did, the caller shows the error as a whole.
 */
export function showServerProblems(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
): boolean {
  return applyFieldProblems(withFieldFromMessage(error), problemFields, setFieldError, formFieldOf);
}
