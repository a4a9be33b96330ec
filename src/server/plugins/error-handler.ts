import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { coreErrors, PlinthError } from '../../core/errors.js';

interface ValidationIssue {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  /** Present because the validator runs with `verbose: true`. */
  parentSchema?: { description?: string };
}

/** A pattern means nothing to most people; the field's description says the rule in words. */
function messageOf(issue: ValidationIssue): string {
  const allowed = issue.params?.allowedValues as unknown[] | undefined;
  if (allowed) return `must be one of ${allowed.join(', ')}`;
  const described = issue.parentSchema?.description;
  if ((issue.keyword === 'pattern' || issue.keyword === 'format') && described)
    return `is not valid: ${described}`;
  const extra = issue.params?.additionalProperty;
  if (issue.keyword === 'additionalProperties' && typeof extra === 'string') return `has no field '${extra}'`;
  return issue.message ?? 'is invalid';
}

/** `body.email` style path of a schema validation issue, naming the missing property when there is one. */
function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = issue.instancePath.slice(1).replaceAll('/', '.');
  const missing =
    issue.params?.missingProperty ?? (issue.params?.requiredProperties as string[] | undefined)?.[0];
  // A body field is named plainly ('username'); other parts keep a prefix ('query.limit').
  const prefix = context === 'body' ? undefined : context === 'querystring' ? 'query' : context;
  const parts = [prefix, path, missing].filter((p) => p !== undefined && p !== '');
  return parts.join('.');
}

function fromValidation(error: FastifyError): PlinthError {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const details = issues.map((issue) => ({
    field: fieldOf(error.validationContext, issue),
    message: messageOf(issue),
  }));
  const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return coreErrors.VALIDATION_FAILED.create([summary || 'the request is invalid'], { details });
}

/** Tells whether an error means the server's storage is full (see StorageHealth). */
export interface StorageFailures {
  noteFailure(error: unknown): string | undefined;
}

/** Turns whatever was thrown into a PlinthError: our own, Fastify's request errors, or INTERNAL. */
export function toPlinthError(
  error: unknown,
  requestId: string,
  bodyLimit: number,
  storage?: StorageFailures,
): PlinthError {
  // A domain may wrap a failed write in its own 5xx error; the full disk is still the cause to tell.
  const isServerSide = !(error instanceof PlinthError) || error.status >= 500;
  const full = isServerSide ? storage?.noteFailure(error) : undefined;
  if (full) return coreErrors.STORAGE_FULL.create([full], { cause: error });
  if (error instanceof PlinthError) return error;
  const e = error as FastifyError & { statusCode?: number };
  if (e.validation) return fromValidation(e);
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return coreErrors.REQUEST_TOO_LARGE.create([bodyLimit]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return coreErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE.create([
        e.message.replace(/^Unsupported Media Type:?\s*/, ''),
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return coreErrors.REQUEST_MALFORMED.create([e.message]);
  }
  if (e instanceof SyntaxError && e.statusCode === 400)
    return coreErrors.REQUEST_MALFORMED.create([e.message]);
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new PlinthError(coreErrors.REQUEST_INVALID.code, e.statusCode, e.message);
  }
  return coreErrors.INTERNAL.create([requestId], { cause: error });
}

/** The one place where errors become `{ code, message, details? }` responses. */
export function installErrorHandler(
  app: FastifyInstance,
  bodyLimit: number,
  storage?: StorageFailures,
): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const plinthError = toPlinthError(error, request.id, bodyLimit, storage);
    // A full disk is the operator's to fix, not a bug: one plain line, no stack.
    if (plinthError.code === coreErrors.STORAGE_FULL.code) {
      request.log.error(
        { code: plinthError.code, reason: plinthError.message },
        'disk full: request refused',
      );
    } else if (plinthError.status >= 500) request.log.error({ err: error }, 'request failed');
    const body: Record<string, unknown> = { code: plinthError.code, message: plinthError.message };
    if (plinthError.details !== undefined) body.details = plinthError.details;
    return reply.status(plinthError.status).send(body);
  });
}
