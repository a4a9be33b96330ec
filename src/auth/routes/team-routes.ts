import { Type } from 'typebox';
import { PageQuery } from '../../core/schemas.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { actorOf } from '../principal.js';
import { CreateTeamBody, Team, TeamDetail, TeamPage, UpdateTeamBody } from '../schemas.js';
import type { AuthServices } from '../services.js';

const TeamParams = Type.Object({ name: Type.String({ maxLength: 64 }) });
const MemberParams = Type.Object({
  name: Type.String({ maxLength: 64 }),
  username: Type.String({ maxLength: 64 }),
});
const NoContent = { 204: Type.Null(), ...errorResponses };

/** Everyone sees the teams; Keepers shape them. */
export function teamRoutes(app: TypedApp, auth: AuthServices) {
  const tags = ['teams'];
  app.get(
    '/api/teams',
    {
      config: { permission: 'teams.read' },
      schema: {
        tags,
        summary: 'List teams',
        querystring: PageQuery,
        response: { 200: TeamPage, ...errorResponses },
      },
    },
    async (request) => auth.teams.list(request.query.cursor, request.query.limit ?? 50),
  );

  app.get(
    '/api/teams/:name',
    {
      config: { permission: 'teams.read' },
      schema: {
        tags,
        summary: 'A team and its members',
        params: TeamParams,
        response: { 200: TeamDetail, ...errorResponses },
      },
    },
    async (request) => auth.teams.get(request.params.name),
  );

  app.post(
    '/api/teams',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags,
        summary: 'Create a team',
        body: CreateTeamBody,
        response: { 201: Team, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await auth.teams.create(actorOf(request.principal, request.ip), request.body)),
  );

  app.patch(
    '/api/teams/:name',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags,
        summary: 'Change a team',
        params: TeamParams,
        body: UpdateTeamBody,
        response: { 200: Team, ...errorResponses },
      },
    },
    async (request) =>
      auth.teams.update(actorOf(request.principal, request.ip), request.params.name, request.body),
  );

  app.delete(
    '/api/teams/:name',
    {
      config: { permission: 'teams.manage' },
      schema: { tags, summary: 'Delete a team', params: TeamParams, response: NoContent },
    },
    async (request, reply) => {
      await auth.teams.delete(actorOf(request.principal, request.ip), request.params.name);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/teams/:name/members/:username',
    {
      config: { permission: 'teams.manage' },
      schema: { tags, summary: 'Add a member', params: MemberParams, response: NoContent },
    },
    async (request, reply) => {
      await auth.teams.addMember(
        actorOf(request.principal, request.ip),
        request.params.name,
        request.params.username,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/teams/:name/members/:username',
    {
      config: { permission: 'teams.manage' },
      schema: { tags, summary: 'Remove a member', params: MemberParams, response: NoContent },
    },
    async (request, reply) => {
      const { name, username } = request.params;
      await auth.teams.removeMember(actorOf(request.principal, request.ip), name, username);
      return reply.code(204).send(null);
    },
  );
}
