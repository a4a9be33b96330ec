import { format } from 'node:util';

/** One entry of a domain's error catalogue. */
export interface ErrorDefinition {
  status: number;
  /** printf-style template (`%s`, `%d`) filled with the arguments given to `create`. */
  message: string;
}

export interface ErrorOptions {
  details?: unknown;
  cause?: unknown;
}

/** The error every layer throws: a stable code, an HTTP status, a human message and optional details. */
export class PlinthError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlinthError';
    this.code = code;
    this.status = status;
    this.details = options.details;
  }
}

/** A factory bound to one code of the catalogue. */
export interface ErrorFactory {
  readonly code: string;
  readonly status: number;
  readonly template: string;
  create(args?: unknown[], options?: ErrorOptions): PlinthError;
  is(error: unknown): error is PlinthError;
}

const registered = new Map<string, ErrorDefinition>();

/**
 * Declares a domain's error codes. Every code is registered once, process-wide, so that the
 * documented catalogue (docs/reference/errors.md) can be checked against the code.
 *
 * @example
 * export const catalogErrors = defineErrors({
 *   CATALOG_ENTITY_NOT_FOUND: { status: 404, message: 'No entity %s' },
 * });
 * throw catalogErrors.CATALOG_ENTITY_NOT_FOUND.create([ref]);
 */
export function defineErrors<K extends string>(defs: Record<K, ErrorDefinition>): Record<K, ErrorFactory> {
  const out = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(defs) as K[]) {
    const def = defs[code];
    if (registered.has(code)) throw new Error(`Error code ${code} is defined twice`);
    registered.set(code, def);
    out[code] = {
      code,
      status: def.status,
      template: def.message,
      create: (args = [], options = {}) =>
        new PlinthError(code, def.status, format(def.message, ...args), options),
      is: (error: unknown): error is PlinthError => error instanceof PlinthError && error.code === code,
    };
  }
  return out;
}

/** Every error code defined so far, with its status and message template. */
export function errorCatalogue(): ReadonlyMap<string, ErrorDefinition> {
  return registered;
}

/** Codes shared by every domain: request shape, routing, throttling, the unknown. */
export const coreErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '%s' },
  REQUEST_MALFORMED: { status: 400, message: 'The request body is not valid JSON: %s' },
  REQUEST_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit of %d bytes' },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Content type %s is not accepted here; send application/json',
  },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no API route %s %s' },
  METHOD_NOT_ALLOWED: { status: 405, message: '%s' },
  REQUEST_INVALID: { status: 400, message: '%s' },
  INPUT_TOO_DEEP: { status: 400, message: '%s' },
  INPUT_NOT_TEXT: { status: 400, message: '%s' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again in %s' },
  SERVICE_UNAVAILABLE: { status: 503, message: '%s' },
  STORAGE_FULL: {
    status: 507,
    message:
      'The server has no room left to store this (%s); nothing of this request was saved. Try again later',
  },
  INTERNAL: { status: 500, message: 'Something went wrong on the server (reference %s)' },
  DATABASE_MIGRATION_FAILED: { status: 500, message: 'Database migration %s failed' },
});
