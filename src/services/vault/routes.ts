import { Type } from 'typebox';
import { actorOf, type Principal } from '../../auth/index.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { perUserLimit } from '../rate-limit.js';
import {
  PutSecretBody,
  RevealBody,
  RevealedSecret,
  SecretList,
  SecretListQuery,
  SecretMeta,
  SecretParams,
} from './schemas.js';
import type { VaultService } from './vault-service.js';

/** The team vault over HTTP: list, store, reveal (after re-authentication), remove. */
export function vaultRoutes(app: TypedApp, vault: VaultService, readsPerMinute: number) {
  const tags = ['secrets'];
  app.get(
    '/api/secrets',
    {
      config: { permission: 'secrets.read' },
      schema: {
        tags,
        summary: 'Secrets of your teams, without their values (all teams for Keepers)',
        querystring: SecretListQuery,
        response: { 200: SecretList, ...errorResponses },
      },
    },
    async (request) => vault.list(request.principal as Principal, request.query),
  );

  app.get(
    '/api/secrets/:team/:name',
    {
      config: { permission: 'secrets.read' },
      schema: {
        tags,
        summary: 'One secret’s metadata (never its value)',
        params: SecretParams,
        response: { 200: SecretMeta, ...errorResponses },
      },
    },
    async (request) => vault.get(request.principal as Principal, request.params.team, request.params.name),
  );

  app.put(
    '/api/secrets/:team/:name',
    {
      config: { permission: 'secrets.write' },
      schema: {
        tags,
        summary: 'Store a secret for your team, or replace its value (a new version)',
        params: SecretParams,
        body: PutSecretBody,
        response: { 200: SecretMeta, 201: SecretMeta, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { team, name } = request.params;
      const principal = request.principal as Principal;
      const result = await vault.put(principal, actorOf(principal, request.ip), team, name, request.body);
      return reply.code(result.created ? 201 : 200).send(result.secret);
    },
  );

  app.post(
    '/api/secrets/:team/:name/reveal',
    {
      config: { permission: 'secrets.reveal', rateLimit: perUserLimit(readsPerMinute, 'vault-reads') },
      schema: {
        tags,
        summary: 'The secret’s value; a session caller confirms their password, every reveal is audited',
        params: SecretParams,
        body: RevealBody,
        response: { 200: RevealedSecret, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { team, name } = request.params;
      const principal = request.principal as Principal;
      const revealed = await vault.reveal(
        principal,
        actorOf(principal, request.ip),
        team,
        name,
        request.body.password,
      );
      void reply.header('cache-control', 'no-store');
      return revealed;
    },
  );

  app.delete(
    '/api/secrets/:team/:name',
    {
      config: { permission: 'secrets.write' },
      schema: {
        tags,
        summary: 'Remove a secret',
        params: SecretParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { team, name } = request.params;
      const principal = request.principal as Principal;
      await vault.remove(principal, actorOf(principal, request.ip), team, name);
      return reply.code(204).send(null);
    },
  );
}
