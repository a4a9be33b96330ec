import { Type } from 'typebox';
import { actorOf } from '../../auth/index.js';
import { PageQuery } from '../../core/schemas.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import type { LocationService } from '../location-service.js';
import { CreateLocationBody, Location, LocationPage, RevisionPage, SyncResult } from '../schemas.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'location id or name' }) });

/** Where the catalog comes from: everyone sees the locations and their history; Keepers change them. */
export function locationRoutes(app: TypedApp, locations: LocationService) {
  const tags = ['catalog'];
  app.get(
    '/api/catalog/locations',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Catalog locations with their current commit and last sync',
        response: { 200: LocationPage, ...errorResponses },
      },
    },
    async () => locations.list(),
  );

  app.get(
    '/api/catalog/locations/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'One location',
        params: IdParams,
        response: { 200: Location, ...errorResponses },
      },
    },
    async (request) => locations.get(request.params.id),
  );

  app.post(
    '/api/catalog/locations',
    {
      config: { permission: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Add a location (git URL or server folder); it is synced at once',
        body: CreateLocationBody,
        response: { 201: SyncResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.principal, request.ip);
      const row = await locations.create(actor, request.body);
      return reply.code(201).send(await locations.syncNow(actor, row.id));
    },
  );

  app.delete(
    '/api/catalog/locations/:id',
    {
      config: { permission: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Remove a location and its entities',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await locations.delete(actorOf(request.principal, request.ip), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/catalog/locations/:id/sync',
    {
      config: { permission: 'catalog.manage', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sync now: pull the location and apply its revision (or record why it could not be read)',
        params: IdParams,
        response: { 200: SyncResult, ...errorResponses },
      },
    },
    async (request) => locations.syncNow(actorOf(request.principal, request.ip), request.params.id),
  );

  app.get(
    '/api/catalog/locations/:id/revisions',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Revisions applied (or failed) for a location, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: RevisionPage, ...errorResponses },
      },
    },
    async (request) =>
      locations.revisions(request.params.id, request.query.cursor, request.query.limit ?? 50),
  );
}
