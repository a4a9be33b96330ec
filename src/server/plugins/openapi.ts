import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { permitAllRoutesIn } from './authentication.js';

/** OpenAPI document generated from the route schemas, and its browsable UI at /api/docs. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plinth API',
        version,
        description:
          'Every route of the portal. Errors are `{ code, message, details? }` (see docs/reference/errors.md). ' +
          'Authenticate with `Authorization: Bearer <token>` (create one under API tokens) or a session cookie ' +
          'plus the `x-csrf-token` header.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (plinth_...)' },
          session: { type: 'apiKey', in: 'cookie', name: 'plinth_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(async (docs) => {
    // Public, or for signed-in people only: server.publicApiDocs.
    permitAllRoutesIn(docs, 'ops.apiDocs');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
}
