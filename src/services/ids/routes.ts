import { Type } from 'typebox';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { perUserLimit } from '../rate-limit.js';
import type { IdService } from './id-service.js';
import { DecodedId, IdFormatSchema as Format, IdBatch } from './schemas.js';

/** IDs over HTTP: batches of any type, and the decoding of a snowflake. */
export function idRoutes(
  app: TypedApp,
  ids: IdService,
  options: { maxBatch: number; requestsPerMinute: number },
) {
  const tags = ['ids'];
  const config = {
    permission: 'ids.generate' as const,
    rateLimit: perUserLimit(options.requestsPerMinute, 'ids'),
  };
  app.get(
    '/api/ids/:type',
    {
      config,
      schema: {
        tags,
        summary: 'A batch of new ids: snowflake, uuid4, uuid7 or ulid',
        params: Type.Object({
          type: Type.Union([
            Type.Literal('snowflake'),
            Type.Literal('uuid4'),
            Type.Literal('uuid7'),
            Type.Literal('ulid'),
          ]),
        }),
        querystring: Type.Object({
          count: Type.Optional(Type.Integer({ minimum: 1, maximum: options.maxBatch, default: 1 })),
          format: Type.Optional(Format),
        }),
        response: { 200: IdBatch, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { type } = request.params;
      const format = type === 'snowflake' ? (request.query.format ?? 'decimal') : 'canonical';
      const list = await ids.generate(type, request.query.count ?? 1, request.query.format);
      void reply.header('cache-control', 'no-store');
      return { type, format, ids: list };
    },
  );

  app.get(
    '/api/ids/snowflake/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Decode a snowflake (decimal, base32 or base62) into its time, worker and sequence',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 24 }) }),
        querystring: Type.Object({ format: Type.Optional(Format) }),
        response: { 200: DecodedId, ...errorResponses },
      },
    },
    async (request) => ids.decode(request.params.id, request.query.format),
  );
}
