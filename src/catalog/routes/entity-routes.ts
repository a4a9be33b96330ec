import { Type } from 'typebox';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import type { CatalogService } from '../catalog-service.js';
import {
  EntityDetail,
  EntityListQuery,
  EntityPage,
  Facets,
  Graph,
  GraphQuery,
  ProblemPage,
  ProblemQuery,
} from '../schemas.js';

const RefParams = Type.Object({
  kind: Type.String({ maxLength: 63 }),
  namespace: Type.String({ maxLength: 63 }),
  name: Type.String({ maxLength: 253 }),
});

const refOf = (p: { kind: string; namespace: string; name: string }) =>
  `${p.kind}:${p.namespace}/${p.name}`.toLowerCase();

/** Browsing the catalog: open to every signed-in person. */
export function entityRoutes(app: TypedApp, catalog: CatalogService) {
  const tags = ['catalog'];
  app.get(
    '/api/catalog/entities',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary:
          'List entities with filters (kind, type, owner, tag, lifecycle, namespace, q), sorted, paged',
        querystring: EntityListQuery,
        response: { 200: EntityPage, ...errorResponses },
      },
    },
    async (request) => catalog.list(request.query),
  );

  app.get(
    '/api/catalog/facets',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Counts per kind, type, owner, lifecycle, tag and namespace under the same filters',
        querystring: EntityListQuery,
        response: { 200: Facets, ...errorResponses },
      },
    },
    async (request) => catalog.facets(request.query),
  );

  app.get(
    '/api/catalog/entities/:kind/:namespace/:name',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'One entity with its relations, problems and source',
        params: RefParams,
        response: { 200: EntityDetail, ...errorResponses },
      },
    },
    async (request) => catalog.get(refOf(request.params)),
  );

  app.get(
    '/api/catalog/entities/:kind/:namespace/:name/graph',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'The relation graph around an entity (1 to 3 hops)',
        params: RefParams,
        querystring: GraphQuery,
        response: { 200: Graph, ...errorResponses },
      },
    },
    async (request) => catalog.graph(refOf(request.params), request.query.depth ?? 2),
  );

  app.get(
    '/api/catalog/problems',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Problems found in the catalog, at file and line, by location (filter by owner for a team)',
        querystring: ProblemQuery,
        response: { 200: ProblemPage, ...errorResponses },
      },
    },
    async (request) => {
      const { location, owner, severity, cursor } = request.query;
      return catalog.listProblems({
        locationName: location,
        owner,
        severity,
        cursor,
        limit: request.query.limit ?? 100,
      });
    },
  );
}
