import { Type } from 'typebox';
import { actorOf, type Principal } from '../../auth/index.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { Sweep, SweepDetail, SweepListQuery, SweepPage } from './schemas.js';
import type { SweepService } from './sweep-service.js';
import { SweepSpec } from './sweep-spec.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Sweeps over HTTP: start, list, inspect with every trial, stop. */
export function sweepRoutes(app: TypedApp, sweeps: SweepService, submitsPerMinute: number) {
  const tags = ['compute'];
  app.post(
    '/api/sweeps',
    {
      config: { permission: 'sweeps.submit', rateLimit: { max: submitsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Start a sweep: trials of a job over a parameter space',
        body: SweepSpec,
        response: { 201: Sweep, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      const sweep = await sweeps.create(principal, actorOf(principal, request.ip), request.body);
      return reply.code(201).send(sweep);
    },
  );
  app.get(
    '/api/sweeps',
    {
      config: { permission: 'sweeps.read' },
      schema: {
        tags,
        summary: 'Sweeps, newest first',
        querystring: SweepListQuery,
        response: { 200: SweepPage, ...errorResponses },
      },
    },
    async (request) => sweeps.list(request.principal as Principal, request.query),
  );
  app.get(
    '/api/sweeps/:id',
    {
      config: { permission: 'sweeps.read' },
      schema: {
        tags,
        summary: 'A sweep with all its trials: parameters, state, metrics, objective curve',
        params: IdParams,
        response: { 200: SweepDetail, ...errorResponses },
      },
    },
    async (request) => sweeps.get(request.principal as Principal, request.params.id),
  );
  app.post(
    '/api/sweeps/:id/stop',
    {
      config: { permission: 'sweeps.stop' },
      schema: {
        tags,
        summary: 'Stop a sweep: no new trials; running ones are cancelled; finished ones are kept',
        params: IdParams,
        response: { 200: Sweep, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as Principal;
      return sweeps.stop(principal, actorOf(principal, request.ip), request.params.id);
    },
  );
}
