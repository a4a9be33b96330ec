import { Type } from 'typebox';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { allows } from '../policy.js';
import { actorOf } from '../principal.js';
import {
  CreatedUser,
  CreateUserBody,
  ResetPasswordResult,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '../schemas.js';
import type { AuthServices } from '../services.js';

const UserParams = Type.Object({ username: Type.String({ maxLength: 64 }) });

/** Keepers manage accounts; anyone may read their own. */
export function userRoutes(app: TypedApp, auth: AuthServices) {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { permission: 'users.list' },
      schema: {
        tags,
        summary: 'List users',
        querystring: UserListQuery,
        response: { 200: UserPage, ...errorResponses },
      },
    },
    async (request) =>
      auth.users.list(
        { ...request.query, limit: request.query.limit ?? 50 },
        { withLocks: allows(request.principal, 'users.manage') },
      ),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Create a user; without a password, a one-time password is generated and returned once',
        body: CreateUserBody,
        response: { 201: CreatedUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await auth.users.create(actorOf(request.principal, request.ip), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/users/:username',
    {
      config: { permission: 'users.read' },
      schema: { tags, summary: 'One user', params: UserParams, response: { 200: User, ...errorResponses } },
    },
    async (request) =>
      auth.users.get(request.params.username, { withLock: allows(request.principal, 'users.manage') }),
  );

  app.patch(
    '/api/users/:username',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user: name, e-mail, role, disabled',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) =>
      auth.users.update(actorOf(request.principal, request.ip), request.params.username, request.body),
  );

  app.post(
    '/api/users/:username/reset-password',
    {
      config: { permission: 'users.manage', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Give a user a new one-time password, end their sessions and revoke their API tokens',
        params: UserParams,
        response: { 200: ResetPasswordResult, ...errorResponses },
      },
    },
    async (request) =>
      auth.users.resetPassword(actorOf(request.principal, request.ip), request.params.username),
  );

  app.delete(
    '/api/users/:username/lock',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Lift the sign-in lock of a user and forget their failed sign-ins',
        params: UserParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await auth.users.clearLock(actorOf(request.principal, request.ip), request.params.username);
      return reply.code(204).send(null);
    },
  );
}
