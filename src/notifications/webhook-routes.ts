import { Type } from 'typebox';
import { actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { perUserLimit } from '../services/rate-limit.js';
import {
  Webhook,
  WebhookCreate,
  WebhookCreated,
  WebhookList,
  WebhookParams,
  WebhookTestResult,
} from './schemas.js';
import type { WebhookService } from './webhook-service.js';

/** Outgoing webhooks, for Keepers: what is defined, how its deliveries went, add, delete, test. */
export function webhookRoutes(app: TypedApp, webhooks: WebhookService) {
  const tags = ['notifications'];
  const actor = (request: { principal?: Principal | null; ip: string }) =>
    actorOf(request.principal ?? null, request.ip);

  app.get(
    '/api/notifications/webhooks',
    {
      config: { permission: 'notifications.webhooks' },
      schema: {
        tags,
        summary: 'Outgoing webhooks with their latest deliveries (never their secrets)',
        response: { 200: WebhookList, ...errorResponses },
      },
    },
    async () => webhooks.list(),
  );

  app.get(
    '/api/notifications/webhooks/:id',
    {
      config: { permission: 'notifications.webhooks' },
      schema: {
        tags,
        summary: 'One webhook with its latest deliveries',
        params: WebhookParams,
        response: { 200: Webhook, ...errorResponses },
      },
    },
    async (request) => webhooks.get(request.params.id),
  );

  app.post(
    '/api/notifications/webhooks',
    {
      config: { permission: 'notifications.webhooks' },
      schema: {
        tags,
        summary: 'Add a webhook; the answer holds its signing secret, shown this once',
        body: WebhookCreate,
        response: { 201: WebhookCreated, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await webhooks.create(actor(request), request.body)),
  );

  app.delete(
    '/api/notifications/webhooks/:id',
    {
      config: { permission: 'notifications.webhooks' },
      schema: {
        tags,
        summary: 'Delete a webhook made in the portal (config webhooks are changed in the config)',
        params: WebhookParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await webhooks.remove(actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/notifications/webhooks/:id/test',
    {
      config: { permission: 'notifications.webhooks', rateLimit: perUserLimit(30, 'webhook-tests') },
      schema: {
        tags,
        summary: 'Queue a test message to the webhook; its delivery shows in the webhook’s list',
        params: WebhookParams,
        response: { 202: WebhookTestResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await webhooks.sendTest(actor(request), request.params.id)),
  );
}
