/** One field problem from a `VALIDATION_FAILED` response. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error answered by the Plinth API, or a network failure shaped like one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems of a validation error, or an empty list. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem => typeof d?.field === 'string' && typeof d?.message === 'string',
    );
  }
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK_UNREACHABLE';

/** Whether an unknown thrown value is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Words a person understands for the codes they are likely to meet; the message from the server otherwise. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something unexpected went wrong in the portal.';
  switch (error.code) {
    case NETWORK_ERROR:
      return 'Plinth could not be reached. Check your connection, or whether the server is running.';
    case 'RATE_LIMITED':
      return 'Too many attempts, wait a minute and try again.';
    case 'AUTH_FORBIDDEN':
      return 'You do not have permission to see this. Keepers can grant access.';
    case 'AUTH_PASSWORD_CHANGE_REQUIRED':
      return 'Choose your own password first: open your profile and replace the one-time password.';
    case 'AUTH_CSRF_INVALID':
      return 'Your session could not be verified. Reload the page and try again.';
    case 'INTERNAL':
      return 'The server ran into a problem. Keepers can find the details in its log.';
    default:
      return error.message;
  }
}
