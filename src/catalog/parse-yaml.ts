import { Composer, type CST, type Document, isMap, isScalar, isSeq, LineCounter, Parser } from 'yaml';
import type { CatalogProblem, Entity, ParsedEntity, ProblemSeverity } from './model.js';
import type { CatalogProblemCode } from './problem-codes.js';
import { entityRefOf } from './refs.js';
import { describe } from './words.js';
import { findTooDeep } from './yaml-guards.js';
import { syntaxMessage } from './yaml-messages.js';
import { walkDocument } from './yaml-walk.js';

/** What one catalog file may hold; each limit, when reached, becomes a located problem. */
export interface ParseLimits {
  /** Largest file, in bytes (UTF-8). */
  maxFileBytes: number;
  /** Most YAML documents (`---`) in one file. */
  maxDocuments: number;
  /** Deepest nesting of lists and mappings. */
  maxDepth: number;
  /** Most aliases (`*name`) in one document. */
  maxAliasCount: number;
  /** Most values in one document once aliases are expanded. */
  maxExpandedNodes: number;
}

/** The limits used when none are given. */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxDocuments: 10_000,
  maxDepth: 64,
  maxAliasCount: 100,
  maxExpandedNodes: 1_000_000,
});

/** The entities of one file, and what is wrong in it. */
export interface ParsedFile {
  entities: ParsedEntity[];
  problems: CatalogProblem[];
  /**
   * True when no document of the file is a catalog document (a CI workflow, a DVC pipeline, a
   * Kubernetes manifest beside a catalog-info.yaml): the file is skipped, not reported.
   */
  ignored?: boolean;
}

/** Without a kind registry: the groups of the built-in kinds (and their misspellings). */
const defaultCatalogApi = (apiVersion: string) => /backst|plinth/i.test(apiVersion);

/**
 * Whether a mapping is meant as a catalog entity. Another group's `group/version` (batch/v1,
 * kustomize.config.k8s.io/v1beta1) is someone else's file; so is a mapping with no apiVersion,
 * kind or metadata at all (a CI workflow, a DVC pipeline). Anything else is checked as an entity.
 */
function isCatalogDocument(
  fields: Map<unknown, unknown>,
  isCatalogApi: (apiVersion: string) => boolean,
): boolean {
  if (!fields.has('apiVersion')) return fields.has('kind') || fields.has('metadata');
  const apiVersion = fields.get('apiVersion');
  const text = isScalar(apiVersion) ? apiVersion.value : undefined;
  if (typeof text === 'string' && /^[\w.-]+\/[\w.-]+$/.test(text)) return isCatalogApi(text);
  return true;
}

// Duplicate keys are found by our own walk: the library's check compares every key with every
// other one, which takes hours on a large flat mapping. YAML 1.1 tags (!!binary, !!timestamp…)
// stay plain text so that an entity is always JSON.
const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, resolveKnownTags: false } as const;

/**
 * Reads every entity of a (multi-document) YAML file, with the line and column of each document
 * and field. Never throws: anything wrong, including oversized or hostile input, is a problem.
 * Entities are not validated here (see `validateEntity`); only their kind and name are checked.
 * @example const { entities, problems } = parseCatalogFile(text, 'catalog/teams.yaml');
 */
export function parseCatalogFile(
  text: string,
  file: string,
  limits: Partial<ParseLimits> = {},
  isCatalogApi: (apiVersion: string) => boolean = defaultCatalogApi,
): ParsedFile {
  const max = { ...DEFAULT_PARSE_LIMITS, ...limits };
  const bytes = text.length > max.maxFileBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > max.maxFileBytes) {
    const message = `the file is ${mib(bytes)}, more than the limit of ${mib(max.maxFileBytes)}; split it into several files`;
    return {
      entities: [],
      problems: [{ file, line: 1, column: 1, code: 'CATALOG_YAML_LIMIT', severity: 'error', message }],
    };
  }
  const reader = new FileReader(text, file, max, isCatalogApi);
  try {
    reader.read();
  } catch (error) {
    // The yaml library and the walk are guarded; this is the last net so that one file never stops a revision.
    reader.problem('CATALOG_YAML_SYNTAX', 0, `could not read this file: ${(error as Error).message}`);
  }
  return reader.result;
}

class FileReader {
  readonly result: ParsedFile = { entities: [], problems: [] };
  private readonly lines = new LineCounter();
  private readonly composer = new Composer(COMPOSE_OPTIONS);
  private catalogDocuments = 0;
  private otherDocuments = 0;
  /** Problems that matter only if the file turns out to be a catalog file (a list, a broken document). */
  private readonly undecided: CatalogProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly limits: ParseLimits,
    private readonly isCatalogApi: (apiVersion: string) => boolean,
  ) {}

  read(): void {
    // This is what parseAllDocuments does, driven by hand so that each document's syntax tree can
    // be measured (and refused when too deep) before the composer recurses into it.
    let documents = 0;
    let skipping = false;
    for (const token of new Parser(this.lines.addNewLine).parse(this.text)) {
      if (token.type === 'document') {
        documents += 1;
        if (documents > this.limits.maxDocuments) {
          const message = `this file has more than ${this.limits.maxDocuments.toLocaleString('en-US')} YAML documents; split it into several files`;
          this.problem('CATALOG_YAML_LIMIT', token.offset, message);
          break;
        }
        skipping = this.isTooDeep(token);
        if (skipping) continue;
      } else if (skipping && token.type === 'doc-end') continue;
      for (const document of this.composer.next(token)) this.document(document);
    }
    for (const document of this.composer.end(false, this.text.length)) this.document(document);
    this.decide();
  }

  /** A file with no catalog document is someone else's YAML: skipped; its syntax slips are warnings at most. */
  private decide(): void {
    if (this.catalogDocuments > 0) {
      this.result.problems.push(...this.undecided);
      return;
    }
    const limits = this.result.problems.some((p) => p.code === 'CATALOG_YAML_LIMIT');
    const syntax = this.undecided.filter((p) => p.code === 'CATALOG_YAML_SYNTAX' && p.severity === 'error');
    for (const problem of syntax) {
      this.result.problems.push({
        ...problem,
        severity: 'warning',
        message: `${problem.message} (this file holds no catalog entity; if it is not meant as one, ignore this)`,
      });
    }
    if (!limits && syntax.length === 0 && this.otherDocuments > 0) this.result.ignored = true;
  }

  private isTooDeep(token: CST.Document): boolean {
    const tooDeep = findTooDeep(token, this.limits.maxDepth);
    if (tooDeep === undefined) return false;
    const message = `lists and mappings are nested more than ${this.limits.maxDepth} levels deep here; flatten them`;
    this.problem('CATALOG_YAML_LIMIT', tooDeep.offset, message);
    return true;
  }

  private document(document: Document.Parsed): void {
    for (const warning of document.warnings.slice(0, 10)) {
      this.undecided.push(
        this.locate(warning.pos[0], 'CATALOG_YAML_SYNTAX', syntaxMessage(warning, 0), undefined, 'warning'),
      );
    }
    const [error, ...more] = document.errors;
    if (error) {
      this.undecided.push(
        this.locate(error.pos[0], 'CATALOG_YAML_SYNTAX', syntaxMessage(error, more.length)),
      );
      return;
    }
    const root = document.contents;
    if (root === null || (isScalar(root) && root.value === null)) return;
    if (!isMap(root)) {
      const what = isSeq(root) ? 'a list' : 'a single value';
      const message = `this YAML document is ${what}, not an entity: an entity is a mapping with apiVersion, kind, metadata and spec`;
      this.undecided.push(this.locate(root.range[0], 'CATALOG_NOT_AN_ENTITY', message));
      this.otherDocuments += 1;
      return;
    }
    const fields = new Map(
      root.items.map((pair) => [isScalar(pair.key) ? pair.key.value : pair.key, pair.value]),
    );
    if (!isCatalogDocument(fields, this.isCatalogApi)) {
      this.otherDocuments += 1;
      return;
    }
    this.catalogDocuments += 1;
    const walk = walkDocument(root, this.limits);
    if (walk.issue) {
      this.problem(walk.issue.code, walk.issue.offset, walk.issue.message);
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: this.limits.maxAliasCount });
    } catch (cause) {
      const message = `the aliases of this document cannot be expanded: ${(cause as Error).message}`;
      this.problem('CATALOG_YAML_LIMIT', root.range[0], message);
      return;
    }
    this.entity(value as Record<string, unknown>, document, walk.offsets);
  }

  private entity(
    value: Record<string, unknown>,
    document: Document.Parsed,
    offsets: Map<string, number>,
  ): void {
    const start = document.contents?.range[0] ?? 0;
    const at = (field: string) => offsets.get(field) ?? offsets.get(field.split('.')[0] ?? '') ?? start;
    const identity = identify(value);
    if ('missing' in identity) {
      this.problem('CATALOG_NOT_AN_ENTITY', at(identity.missing), identity.message, identity.missing);
      return;
    }
    const position = { file: this.file, ...this.position(start) };
    const fieldPositions = new Map<string, { line: number; column: number }>();
    for (const [path, offset] of offsets) fieldPositions.set(path, this.position(offset));
    const [from, , to] = document.range;
    this.result.entities.push({
      ref: entityRefOf(identity.kind, identity.namespace, identity.name),
      entity: value as unknown as Entity,
      position,
      raw: this.text.slice(from, to),
      fieldPositions,
    });
  }

  problem(
    code: CatalogProblemCode,
    offset: number,
    message: string,
    field?: string,
    severity: ProblemSeverity = 'error',
  ): void {
    this.result.problems.push(this.locate(offset, code, message, field, severity));
  }

  private locate(
    offset: number,
    code: CatalogProblemCode,
    message: string,
    field?: string,
    severity: ProblemSeverity = 'error',
  ): CatalogProblem {
    const problem: CatalogProblem = { file: this.file, ...this.position(offset), code, severity, message };
    if (field !== undefined) problem.field = field;
    return problem;
  }

  private position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }
}

type Identity =
  | { kind: string; namespace: string | undefined; name: string }
  | { missing: string; message: string };

/** The kind and name every entity needs before it can even be named in a problem. */
function identify(value: Record<string, unknown>): Identity {
  const { kind, metadata } = value;
  if (typeof kind !== 'string' || kind === '') {
    return notText('kind', kind, 'every entity needs apiVersion, kind and metadata.name');
  }
  if (metadata === undefined || metadata === null) {
    return { missing: 'metadata', message: 'metadata: is missing; every entity needs metadata.name' };
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return {
      missing: 'metadata',
      message: `metadata: must be a mapping with a name, not ${describe(metadata)}`,
    };
  }
  const { name, namespace } = metadata as Record<string, unknown>;
  if (typeof name !== 'string' || name === '')
    return notText('metadata.name', name, 'every entity needs a name');
  return { kind, name, namespace: typeof namespace === 'string' ? namespace : undefined };
}

/** A field that must be text is missing, or is a number or a list: say which, and how to fix it. */
function notText(field: string, value: unknown, why: string): Identity {
  if (value === undefined || value === null || value === '') {
    return { missing: field, message: `${field}: is missing; ${why}` };
  }
  // `name: 2024` is read as a number; quotes make it the text that was meant.
  const scalar = typeof value === 'number' || typeof value === 'boolean';
  const hint = scalar ? ` (put it in quotes: '${value}')` : '';
  return { missing: field, message: `${field}: must be text, not ${describe(value)}${hint}` };
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
