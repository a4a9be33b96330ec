import { Type } from 'typebox';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PageType = Type.Union([Type.Literal('doc'), Type.Literal('guide'), Type.Literal('practice')]);

/** One line of a source's navigation, in reading order; `depth` nests it under the folder lines above. */
export const NavItem = Type.Object({
  title: Type.String(),
  /** Null for a folder without an index page. */
  url: Nullable(Type.String()),
  type: Nullable(PageType),
  depth: Type.Integer({ minimum: 0 }),
  folder: Type.Boolean(),
});
export type NavItem = Type.Static<typeof NavItem>;

export const DocsSource = Type.Object({
  key: Type.String({ description: '`platform`, or kind/namespace/name of the entity' }),
  title: Type.String(),
  origin: Type.Union([Type.Literal('platform'), Type.Literal('entity')]),
  entityRef: Nullable(Type.String()),
  url: Type.String(),
  pageCount: Type.Integer(),
  problemCount: Type.Integer(),
  syncedAt: Type.String(),
  nav: Type.Array(NavItem),
});
export const DocsSourceList = Type.Object({ items: Type.Array(DocsSource) });

export const DocsTreeQuery = Type.Object({
  entity: Type.Optional(Type.String({ maxLength: 300, description: 'Only the docs of this entity ref' })),
});

const Link = Type.Object({ title: Type.String(), url: Type.String() });
const Heading = Type.Object({ level: Type.Integer(), id: Type.String(), title: Type.String() });

export const GuideProgress = Type.Object({
  /** Ids of the steps the caller ticked (only steps the guide still has). */
  done: Type.Array(Type.String()),
  steps: Type.Integer(),
  completed: Type.Boolean(),
  /** People who ticked every step. */
  completedBy: Type.Integer(),
  startedBy: Type.Integer(),
});
export type GuideProgress = Type.Static<typeof GuideProgress>;

export const DocsPage = Type.Object({
  id: Type.String(),
  source: Type.Object({
    key: Type.String(),
    title: Type.String(),
    entityRef: Nullable(Type.String()),
    url: Type.String(),
  }),
  slug: Type.String(),
  url: Type.String(),
  file: Type.String(),
  type: PageType,
  title: Type.String(),
  description: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  owner: Nullable(Type.String()),
  audience: Nullable(Type.String()),
  verified: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  /** A guide not verified within `docs.guideMaxAgeDays` (or never). */
  stale: Type.Boolean(),
  maxAgeDays: Type.Integer(),
  html: Type.String({ description: 'Sanitized HTML of the whole page' }),
  /** The page split at its second-level headings; for a guide, each after the first is a step. */
  sections: Type.Array(
    Type.Object({ id: Nullable(Type.String()), title: Nullable(Type.String()), html: Type.String() }),
  ),
  toc: Type.Array(Heading),
  hasMermaid: Type.Boolean(),
  breadcrumbs: Type.Array(Type.Object({ title: Type.String(), url: Nullable(Type.String()) })),
  previous: Nullable(Link),
  next: Nullable(Link),
  editUrl: Nullable(Type.String()),
  lastCommit: Nullable(Type.Object({ sha: Type.String(), author: Type.String(), date: Type.String() })),
  progress: Nullable(GuideProgress),
});
export type DocsPage = Type.Static<typeof DocsPage>;

export const StepTick = Type.Object({
  page: Type.String({
    maxLength: 600,
    description: 'The guide: <source key>/<slug>, as in its URL after /docs/',
  }),
  step: Type.String({ maxLength: 200, description: 'The step id (its heading anchor)' }),
  done: Type.Boolean(),
});

export const MyGuide = Type.Object({
  title: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  progress: GuideProgress,
});
export const MyGuideList = Type.Object({ items: Type.Array(MyGuide) });

export const StaleGuide = Type.Object({
  title: Type.String(),
  url: Type.String(),
  file: Type.String(),
  owner: Nullable(Type.String()),
  verified: Nullable(Type.String()),
  /** Days since `verified`; null when never verified. */
  ageDays: Nullable(Type.Integer()),
  editUrl: Nullable(Type.String()),
});
export const StaleGuideList = Type.Object({ items: Type.Array(StaleGuide), maxAgeDays: Type.Integer() });

export const DocsProblem = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String(),
  file: Type.String(),
  line: Type.Integer(),
  source: Type.Object({ key: Type.String(), title: Type.String(), entityRef: Nullable(Type.String()) }),
  owner: Nullable(Type.String()),
  editUrl: Nullable(Type.String()),
});
export const DocsProblemQuery = Type.Object({
  source: Type.Optional(Type.String({ maxLength: 300 })),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning')])),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export const DocsProblemPage = Type.Object({
  items: Type.Array(DocsProblem),
  nextCursor: Nullable(Type.String()),
});

export const DocsSyncResult = Type.Object({
  sources: Type.Integer(),
  rendered: Type.Integer(),
  pages: Type.Integer(),
  problems: Type.Integer(),
  ms: Type.Integer(),
});
