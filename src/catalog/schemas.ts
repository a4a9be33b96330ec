import { Type } from 'typebox';
import { Page, PageQuery } from '../core/schemas.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Problem = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String(),
  file: Type.String(),
  line: Type.Integer(),
  column: Type.Integer(),
  entityRef: Nullable(Type.String()),
  /** False when the entity concerned is not in the catalog (it is the one that failed validation). */
  entityExists: Type.Boolean(),
  field: Nullable(Type.String()),
  location: Type.Object({ id: Type.String(), name: Type.String() }),
  /** A link that opens the file at that line in the git host's editor, when known. */
  editUrl: Nullable(Type.String()),
});
export type Problem = Type.Static<typeof Problem>;

export const EntitySummary = Type.Object({
  ref: Type.String({ description: 'kind:namespace/name, lower-case' }),
  kind: Type.String(),
  namespace: Type.String(),
  name: Type.String(),
  title: Nullable(Type.String()),
  description: Nullable(Type.String()),
  type: Nullable(Type.String()),
  lifecycle: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
});
export type EntitySummary = Type.Static<typeof EntitySummary>;

export const EntityListQuery = Type.Object({
  ...PageQuery.properties,
  kind: Type.Optional(Type.String({ maxLength: 63 })),
  type: Type.Optional(Type.String({ maxLength: 100 })),
  owner: Type.Optional(
    Type.String({ maxLength: 200, description: 'owner ref or name, e.g. group:default/climate or climate' }),
  ),
  tag: Type.Optional(Type.String({ maxLength: 100 })),
  lifecycle: Type.Optional(Type.String({ maxLength: 100 })),
  namespace: Type.Optional(Type.String({ maxLength: 63 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'text in name, title, description or tags' })),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('kind'), Type.Literal('owner'), Type.Literal('updated')], {
      default: 'name',
    }),
  ),
});
export type EntityListQuery = Type.Static<typeof EntityListQuery>;
export const EntityPage = Type.Object({ ...Page(EntitySummary).properties, total: Type.Integer() });

export const FacetValue = Type.Object({ value: Type.String(), count: Type.Integer() });
export const Facets = Type.Object({
  kind: Type.Array(FacetValue),
  type: Type.Array(FacetValue),
  owner: Type.Array(FacetValue),
  lifecycle: Type.Array(FacetValue),
  tag: Type.Array(FacetValue),
  namespace: Type.Array(FacetValue),
});

export const RelationView = Type.Object({
  type: Type.String(),
  target: Type.String(),
  targetTitle: Nullable(Type.String()),
  /** False when the target is not in the catalog (a dangling reference). */
  exists: Type.Boolean(),
});

export const EntitySource = Type.Object({
  location: Type.Object({ id: Type.String(), name: Type.String() }),
  file: Type.String(),
  line: Type.Integer(),
  editUrl: Nullable(Type.String()),
  viewUrl: Nullable(Type.String()),
});

export const EntityJobView = Type.Object(
  {
    file: Type.String({ description: 'The job file, in the location' }),
    spec: Type.Unknown({ description: 'Its fields as written; POST /api/jobs checks them' }),
    viewUrl: Nullable(Type.String()),
    editUrl: Nullable(Type.String()),
  },
  { description: 'The job its plinth.dev/job annotation names: what the Run button starts from' },
);

export const EntityDetail = Type.Object({
  ...EntitySummary.properties,
  entity: Type.Unknown({ description: 'The entity as written (apiVersion, kind, metadata, spec)' }),
  raw: Type.String({ description: 'The YAML document of this entity' }),
  relations: Type.Array(RelationView),
  problems: Type.Array(Problem),
  source: EntitySource,
  job: Nullable(EntityJobView),
  updatedAt: Type.String(),
});
export type EntityDetail = Type.Static<typeof EntityDetail>;

export const GraphQuery = Type.Object({
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, default: 2 })),
});
export const Graph = Type.Object({
  nodes: Type.Array(
    Type.Object({
      ref: Type.String(),
      kind: Type.String(),
      title: Type.String(),
      exists: Type.Boolean(),
      depth: Type.Integer(),
    }),
  ),
  edges: Type.Array(Type.Object({ source: Type.String(), type: Type.String(), target: Type.String() })),
});

export const ProblemQuery = Type.Object({
  ...PageQuery.properties,
  location: Type.Optional(Type.String({ maxLength: 100, description: 'location name' })),
  owner: Type.Optional(
    Type.String({ maxLength: 200, description: 'problems of entities owned by this group' }),
  ),
  severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning')])),
});
export const ProblemPage = Page(Problem);

export const Location = Type.Object({
  id: Type.String(),
  name: Type.String(),
  reader: Type.String({ description: 'folder or git' }),
  target: Type.String({ description: 'folder path or git URL (credentials hidden)' }),
  branch: Nullable(Type.String()),
  path: Type.String(),
  origin: Type.Union([Type.Literal('config'), Type.Literal('api')]),
  lastSync: Type.Object({
    at: Nullable(Type.String()),
    status: Type.Union([
      Type.Literal('never'),
      Type.Literal('ok'),
      Type.Literal('failed'),
      Type.Literal('running'),
    ]),
    error: Nullable(Type.String()),
  }),
  commit: Nullable(
    Type.Object({
      sha: Type.String(),
      author: Nullable(Type.String()),
      message: Nullable(Type.String()),
      at: Nullable(Type.String()),
    }),
  ),
  entityCount: Type.Integer(),
  problemCount: Type.Integer(),
});
export type Location = Type.Static<typeof Location>;
export const LocationPage = Page(Location);
export const CreateLocationBody = Type.Object({
  name: Type.String({
    pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$',
    description: 'lower-case letters, digits and dashes',
  }),
  target: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'a git URL (https, ssh, file) or a folder on the server',
  }),
  branch: Type.Optional(Type.String({ maxLength: 200 })),
  path: Type.Optional(Type.String({ maxLength: 500, description: 'sub-folder to read, e.g. catalog' })),
});

export const Revision = Type.Object({
  id: Type.String(),
  sha: Nullable(Type.String()),
  author: Nullable(Type.String()),
  message: Nullable(Type.String()),
  committedAt: Nullable(Type.String()),
  appliedAt: Type.String(),
  outcome: Type.Union([Type.Literal('applied'), Type.Literal('failed')]),
  added: Type.Integer(),
  changed: Type.Integer(),
  removed: Type.Integer(),
  problems: Type.Integer(),
  error: Nullable(Type.String()),
});
export const RevisionPage = Page(Revision);
export const SyncResult = Type.Object({ location: Location, revision: Revision });
