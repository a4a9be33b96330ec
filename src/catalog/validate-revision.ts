import { JOB_ANNOTATION } from './entity-job.js';
import { entityProblem } from './entity-problem.js';
import type { OutgoingRelation } from './extension.js';
import { defaultKindRegistry, type KindRegistry } from './kind-registry.js';
import {
  type CatalogProblem,
  type ParsedEntity,
  RELATION_PAIRS,
  type Relation,
  type RelationType,
} from './model.js';
import { type ParseLimits, parseCatalogFile } from './parse-yaml.js';
import { createRefHelper } from './ref-helper.js';
import { validateEntity } from './validate-entity.js';
import { quote, withArticle } from './words.js';

/** A file of a revision: its path (relative to the location's root) and its text. */
export interface CatalogFile {
  path: string;
  text: string;
}

/** What to validate a revision with. */
export interface ValidateRevisionOptions {
  /** The kinds to accept; the built-in ones by default. */
  kinds?: KindRegistry;
  /** Limits for each file; the defaults of `parseCatalogFile` otherwise. */
  limits?: Partial<ParseLimits>;
}

/** A relation whose target is not in this revision, with the problem that says so. */
export interface UnresolvedRelation {
  relation: Relation;
  problem: CatalogProblem;
}

/** A revision, validated as a whole. */
export interface ValidatedCatalog {
  /** The valid entities, once each (the first definition of a duplicated ref). */
  entities: ParsedEntity[];
  /** Every relation between them, in both directions, once each. */
  relations: Relation[];
  /** Everything wrong, by file (in the order given), line and column. */
  problems: CatalogProblem[];
  /**
   * The relations whose target is missing (each has a CATALOG_DANGLING_REF problem). A caller that
   * finds the target elsewhere, in another location, may drop the problem and keep the relation.
   */
  unresolved: UnresolvedRelation[];
  /** Files with no catalog document (CI workflows, pipelines, manifests): skipped, in the order given. */
  skipped: string[];
}

const INVERSE = new Map<RelationType, RelationType>(
  Object.entries(RELATION_PAIRS).flatMap(([forward, inverse]) => [
    [forward as RelationType, inverse],
    [inverse, forward as RelationType],
  ]),
);

/**
 * Validates every file of a revision together: parses them, checks each entity, refuses a ref
 * defined twice, computes relations in both directions and reports references to entities that
 * do not exist. Linear in the size of the revision; never throws on bad input.
 * @example const { entities, relations, problems } = validateRevision([{ path: 'catalog/a.yaml', text }]);
 */
export function validateRevision(
  files: readonly CatalogFile[],
  options: ValidateRevisionOptions = {},
): ValidatedCatalog {
  const kinds = options.kinds ?? defaultKindRegistry();
  const problems: CatalogProblem[] = [];
  const candidates: ParsedEntity[] = [];
  const skipped: string[] = [];
  // Each entity is checked as soon as its file is read, so that the positions of all its fields
  // are dropped before the next file: held for the whole revision, they were most of its memory.
  const checkProblems: CatalogProblem[] = [];
  const outgoingOf = new Map<ParsedEntity, OutgoingRelation[]>();
  for (const file of files) {
    const parsed = parseCatalogFile(file.text, file.path, options.limits, kinds.isCatalogApi);
    if (parsed.ignored) skipped.push(file.path);
    for (const problem of parsed.problems) problems.push(problem);
    for (const entity of parsed.entities) {
      candidates.push(entity);
      const own = check(entity, kinds);
      for (const problem of own.problems) checkProblems.push(problem);
      if (own.outgoing) {
        entity.fieldPositions = keepPositions(entity.fieldPositions, own.outgoing);
        outgoingOf.set(entity, own.outgoing);
      }
    }
  }
  // Problems in the order they always came in: reading, duplicates, then each entity's own.
  const firstByRef = firstDefinitions(candidates, problems);
  for (const problem of checkProblems) problems.push(problem);
  const valid = new Map<string, { parsed: ParsedEntity; outgoing: OutgoingRelation[] }>();
  for (const parsed of candidates) {
    const outgoing = outgoingOf.get(parsed);
    if (outgoing && firstByRef.get(parsed.ref) === parsed) valid.set(parsed.ref, { parsed, outgoing });
  }
  const linked = link(valid, firstByRef, kinds);
  for (const { problem } of linked.unresolved) problems.push(problem);
  return {
    entities: [...valid.values()].map((v) => v.parsed),
    relations: linked.relations,
    problems: sortProblems(problems, files),
    unresolved: linked.unresolved,
    skipped,
  };
}

/**
 * Once an entity is checked, only the positions of its references (and its name) can still be
 * needed, for dangling references and duplicates across locations; at 100,000 entities the full
 * maps would hold hundreds of megabytes.
 */
const JOB_FIELD = `metadata.annotations.${JOB_ANNOTATION}`;

function keepPositions(
  all: ParsedEntity['fieldPositions'],
  outgoing: readonly OutgoingRelation[],
): ParsedEntity['fieldPositions'] {
  const kept = new Map<string, { line: number; column: number }>();
  for (const field of ['metadata.name', ...outgoing.map((o) => o.field)]) {
    for (let path = field; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
      const found = all.get(path);
      if (found) kept.set(path, found);
    }
  }
  // The job annotation's file is looked up after validation, and reported at the annotation.
  const job = all.get(JOB_FIELD);
  if (job) kept.set(JOB_FIELD, job);
  return kept;
}

/** The first definition of each ref; a later one, and the first, each get a problem. */
function firstDefinitions(
  candidates: readonly ParsedEntity[],
  problems: CatalogProblem[],
): Map<string, ParsedEntity> {
  const first = new Map<string, ParsedEntity>();
  const reported = new Set<string>();
  for (const candidate of candidates) {
    const earlier = first.get(candidate.ref);
    if (earlier === undefined) {
      first.set(candidate.ref, candidate);
      continue;
    }
    problems.push(duplicate(candidate, `is already defined in ${where(earlier)}`, 'ignored'));
    if (reported.has(candidate.ref)) continue;
    reported.add(candidate.ref);
    problems.push(duplicate(earlier, `is defined again in ${where(candidate)}`, 'used'));
  }
  return first;
}

function duplicate(parsed: ParsedEntity, clash: string, fate: 'used' | 'ignored'): CatalogProblem {
  const message = `metadata.name: ${parsed.ref} ${clash}; each entity must be defined once (this definition is ${fate})`;
  return entityProblem(parsed, 'CATALOG_DUPLICATE_REF', 'metadata.name', message);
}

/** Validates one entity and reads its relations; `outgoing` is left out when it has an error. */
function check(
  parsed: ParsedEntity,
  kinds: KindRegistry,
): { problems: CatalogProblem[]; outgoing?: OutgoingRelation[] } {
  const problems = validateEntity(parsed, kinds);
  const kind = kinds.get(parsed.entity.kind);
  if (kind === undefined || problems.some((p) => p.severity === 'error')) return { problems };
  const kindName = (name: string) => kinds.find(name)?.definition.kind ?? name;
  const outgoing = kind.definition.relations(parsed.entity, createRefHelper(parsed, problems, kindName));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { problems, outgoing };
}

function link(
  valid: ReadonlyMap<string, { parsed: ParsedEntity; outgoing: OutgoingRelation[] }>,
  firstByRef: ReadonlyMap<string, ParsedEntity>,
  kinds: KindRegistry,
): { relations: Relation[]; unresolved: UnresolvedRelation[] } {
  const relations: Relation[] = [];
  const unresolved: UnresolvedRelation[] = [];
  const seen = new Set<string>();
  const add = (relation: Relation) => {
    const key = `${relation.source} ${relation.type} ${relation.target}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(relation);
  };
  for (const { parsed, outgoing } of valid.values()) {
    for (const out of outgoing) {
      const relation: Relation = { source: parsed.ref, type: out.type, target: out.target };
      if (!valid.has(out.target)) {
        const message = `${out.field}: ${danglingReason(out, firstByRef.get(out.target), kinds)}`;
        unresolved.push({
          relation,
          problem: entityProblem(parsed, 'CATALOG_DANGLING_REF', out.field, message),
        });
        continue;
      }
      add(relation);
      add({ source: out.target, type: INVERSE.get(out.type) ?? out.type, target: parsed.ref });
    }
  }
  return { relations, unresolved };
}

function danglingReason(
  out: OutgoingRelation,
  invalid: ParsedEntity | undefined,
  kinds: KindRegistry,
): string {
  const kind = kinds.find(out.targetKind)?.definition.kind;
  if (kind === undefined)
    return `${quote(out.value)} names the kind '${out.targetKind}', which is not a known kind`;
  if (invalid)
    return `${quote(out.value)} is ${withArticle(kind)} with problems of its own (${where(invalid)}), so it is not in the catalog`;
  return `${quote(out.value)} is not a known ${kind}`;
}

function where(parsed: ParsedEntity): string {
  return `${parsed.position.file}:${parsed.position.line}`;
}

/** By file, in the order the files were given, then by line and column. */
function sortProblems(problems: CatalogProblem[], files: readonly CatalogFile[]): CatalogProblem[] {
  const order = new Map(files.map((file, index) => [file.path, index]));
  return problems.sort(
    (a, b) =>
      (order.get(a.file) ?? files.length) - (order.get(b.file) ?? files.length) ||
      a.line - b.line ||
      a.column - b.column,
  );
}
