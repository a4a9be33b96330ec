import { Type } from 'typebox';
import { Page, PageQuery } from '../../core/schemas.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { actorOf, type Principal } from '../principal.js';
import { ApiToken, CreatedToken, CreateTokenBody } from '../schemas.js';
import type { AuthServices } from '../services.js';

/** Personal API tokens of the caller. */
export function tokenRoutes(app: TypedApp, auth: AuthServices) {
  const tags = ['tokens'];
  app.get(
    '/api/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Your API tokens',
        querystring: PageQuery,
        response: { 200: Page(ApiToken), ...errorResponses },
      },
    },
    async (request) =>
      auth.tokens.list(request.principal as Principal, request.query.cursor, request.query.limit ?? 50),
  );

  app.post(
    '/api/tokens',
    {
      config: { permission: 'tokens.manage', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Create an API token; the secret is in this response only',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      const created = await auth.tokens.create(principal, actorOf(principal, request.ip), request.body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      await auth.tokens.revoke(principal, actorOf(principal, request.ip), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
