import { Type } from 'typebox';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const List = (description: string) =>
  Type.Optional(Type.String({ maxLength: 500, description: `${description}; several separated by commas` }));

export const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 200, description: 'What to look for; the last word may be unfinished' }),
  type: List('Only these types: entity, doc, guide, practice (and more as domains register them)'),
  kind: List('Only entities of these kinds, e.g. component'),
  owner: List('Only things owned by these owner refs, e.g. group:default/climate'),
  tag: List('Only things with these tags'),
  prefix: Type.Optional(
    Type.Boolean({ description: 'Treat the last word as unfinished; default: unless q ends in a space' }),
  ),
  facets: Type.Optional(
    Type.Boolean({ default: false, description: 'Also count matches by type, kind, owner and tag' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 100, description: 'Opaque cursor from a previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type SearchQuery = Type.Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  id: Type.String({ description: '<type>:<key>, unique across the index' }),
  type: Type.String(),
  title: Type.String(),
  name: Nullable(Type.String()),
  kind: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  summary: Nullable(Type.String()),
  url: Type.String({ description: 'Path of the thing in the portal' }),
  snippet: Type.String({ description: 'HTML: escaped text where only <mark> marks the words that matched' }),
  exact: Type.Boolean({ description: 'The title or name is exactly what was searched for' }),
});
export type SearchHit = Type.Static<typeof SearchHit>;

const FacetValues = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const SearchResults = Type.Object({
  items: Type.Array(SearchHit),
  nextCursor: Nullable(Type.String()),
  /** Counted only when `facets=true`. */
  total: Nullable(Type.Integer()),
  /** True when there were more matches than counted: `total` is a lower bound, facets come from a sample. */
  approximate: Type.Boolean(),
  facets: Nullable(
    Type.Object({ type: FacetValues, kind: FacetValues, owner: FacetValues, tag: FacetValues }),
  ),
  /** When nothing matched as typed: the words searched for instead (empty when the engine does not say). */
  corrected: Nullable(Type.Array(Type.String())),
});
export type SearchResults = Type.Static<typeof SearchResults>;

export const ReindexResult = Type.Object({
  sources: Type.Array(
    Type.Object({
      name: Type.String(),
      written: Type.Integer(),
      removed: Type.Integer(),
      ms: Type.Integer(),
    }),
  ),
  documents: Type.Integer(),
});
