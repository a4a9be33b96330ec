/** What a domain gives the index for one thing people may look for. */
export interface SearchDocument {
  /** Unique across the index: `<type>:<key>`, e.g. `entity:component:default/pytorch`. */
  id: string;
  /** The registered source that owns it (a source's refresh replaces exactly its own documents). */
  source: string;
  /** What it is: entity, doc, guide, practice (templates and radar entries register their own). */
  type: string;
  title: string;
  /** A short machine name that also counts as an exact match (an entity's name, a page's slug). */
  name: string | null;
  kind: string | null;
  owner: string | null;
  tags: string[];
  /** One line shown under the title. */
  summary: string | null;
  /** Plain text searched and quoted in snippets. */
  body: string;
  /** Where the portal shows it (a path inside the portal). */
  url: string;
  /** Changes when the document changes: unchanged documents are never rewritten. */
  hash: string;
  updatedAt: string;
}

export type FacetName = 'type' | 'kind' | 'owner' | 'tag';
export const FACET_NAMES: FacetName[] = ['type', 'kind', 'owner', 'tag'];

/** A query as the engines receive it: terms already split and cleaned. */
export interface ParsedQuery {
  /** Lower-case words, in order (at most MAX_TERMS). */
  terms: string[];
  /** The terms joined by one space: compared with titles and names for exact matches. */
  phrase: string;
  /** Treat the last term as a prefix (the person is still typing it). */
  prefix: boolean;
  filters: Partial<Record<FacetName, string[]>>;
  offset: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  name: string | null;
  kind: string | null;
  owner: string | null;
  tags: string[];
  summary: string | null;
  url: string;
  /** Plain text with the matched words between \u0002 and \u0003 (made safe HTML by the service). */
  marked: string;
  exact: boolean;
}

export interface EngineResult {
  hits: SearchHit[];
  /** True when more hits follow this page. */
  more: boolean;
  /** Set when no word matched as typed and the engine searched for close words instead. */
  corrected?: string[];
}

export type FacetCounts = Record<FacetName, { value: string; count: number }[]>;

/** Marks around matched words in engine output; never present in indexed text (stripped on the way in). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
