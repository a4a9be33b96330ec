import { ApiError } from '../api/api-error.js';

/**
 * Puts a `VALIDATION_FAILED` answer's field problems onto the matching form fields.
 * Returns whether any field took one, so the caller knows if a general error is still needed.
 * A form whose fields are not named like the API's gives `fieldOf`, which maps a whole dotted
 * path (`resources.cpus`) to its own field (`cpus`).
 */
export function applyFieldProblems(
  error: unknown,
  fields: readonly string[],
  setFieldError: (field: string, message: string) => void,
  fieldOf?: (path: string) => string | undefined,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const problem of error.fieldProblems) {
    // The server names fields as JSON pointers or dotted paths: "/email", "body.email", "email".
    const path = problem.field.replace(/^\/|^body\./, '').replaceAll('/', '.');
    const field = fieldOf ? (fieldOf(path) ?? '') : (path.split('.')[0] ?? '');
    if (fields.includes(field)) {
      setFieldError(field, problem.message);
      applied = true;
    }
  }
  return applied;
}
