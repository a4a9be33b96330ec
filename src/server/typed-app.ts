import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { ErrorBody } from '../core/schemas.js';

/** The Fastify instance as route modules see it: request types inferred from TypeBox schemas. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Documents the error responses a route can give; the body is always `ErrorBody`. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;
