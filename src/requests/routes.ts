import { actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { buildDashboard } from './dashboard.js';
import type { People } from './people.js';
import { perUserLimit } from './rate-limit.js';
import type { RequestActions } from './request-actions.js';
import type { RequestService } from './request-service.js';
import type { RequestStore } from './request-store.js';
import {
  CommentBody,
  CommentView,
  Dashboard,
  DashboardQuery,
  NewRequestBody,
  RequestDetail,
  RequestListQuery,
  RequestOptions,
  RequestPage,
  RequestParams,
  TransitionBody,
} from './schemas.js';

export interface RequestRouteDeps {
  service: RequestService;
  actions: RequestActions;
  store: RequestStore;
  people: People;
  now: () => number;
  filesPerMinute: number;
}

/** Requests over HTTP: file, list, read, comment, move, and the Keepers' dashboard. */
export function requestRoutes(app: TypedApp, deps: RequestRouteDeps) {
  const { service, actions } = deps;
  const tags = ['requests'];
  app.get(
    '/api/requests',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags,
        summary: 'Requests you filed (scope=mine), of your teams (team), or all (all, Keepers)',
        querystring: RequestListQuery,
        response: { 200: RequestPage, ...errorResponses },
      },
    },
    async (request) => service.list(request.principal as Principal, request.query),
  );

  app.post(
    '/api/requests',
    {
      config: { permission: 'requests.file', rateLimit: perUserLimit(deps.filesPerMinute, 'requests-file') },
      schema: {
        tags,
        summary: 'File a request to the Keepers',
        body: NewRequestBody,
        response: { 201: RequestDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      const created = await service.file(principal, actorOf(principal, request.ip), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/requests/options',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags,
        summary: 'Categories with their response targets, your teams and the Keepers (for forms)',
        response: { 200: RequestOptions, ...errorResponses },
      },
    },
    async (request) => service.options(request.principal as Principal),
  );

  app.get(
    '/api/requests/dashboard',
    {
      config: { permission: 'requests.dashboard' },
      schema: {
        tags,
        summary: 'Counts, median response times over a period, overdue and oldest open requests',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    async (request) => buildDashboard(service, deps.store, deps.people, deps.now(), request.query.days ?? 30),
  );

  app.get(
    '/api/requests/:id',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags,
        summary: 'One request (by id or number) with its comments, history and attachments',
        params: RequestParams,
        response: { 200: RequestDetail, ...errorResponses },
      },
    },
    async (request) => service.get(request.principal as Principal, request.params.id),
  );

  app.post(
    '/api/requests/:id/comments',
    {
      config: { permission: 'requests.comment' },
      schema: {
        tags,
        summary: 'Comment on a request (Markdown; `@username` notifies that person)',
        params: RequestParams,
        body: CommentBody,
        response: { 201: CommentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      const comment = await actions.comment(
        principal,
        actorOf(principal, request.ip),
        request.params.id,
        request.body.body,
      );
      return reply.code(201).send(comment);
    },
  );

  app.post(
    '/api/requests/:id/transitions',
    {
      config: { permission: 'requests.transition' },
      schema: {
        tags,
        summary:
          'Move a request to another state (triage with an assignee, start, wait, done, decline, withdraw)',
        params: RequestParams,
        body: TransitionBody,
        response: { 200: RequestDetail, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as Principal;
      return actions.transition(principal, actorOf(principal, request.ip), request.params.id, request.body);
    },
  );
}
