import { ownerRef } from './entity-rows.js';
import { type CatalogProblem, RELATION_PAIRS, type Relation, type RelationType } from './model.js';
import type { ValidatedCatalog } from './validate-revision.js';

const FORWARD = new Set<string>(Object.keys(RELATION_PAIRS));
const INVERSE = new Map<string, RelationType>(
  Object.entries(RELATION_PAIRS).flatMap(([f, i]) => [
    [f, i as RelationType],
    [i, f as RelationType],
  ]),
);

function duplicateProblem(parsed: ValidatedCatalog['entities'][number]): CatalogProblem {
  const at = parsed.fieldPositions.get('metadata.name') ?? parsed.position;
  return {
    code: 'CATALOG_DUPLICATE_REF',
    severity: 'error',
    message: `metadata.name: ${parsed.ref} is already defined in another catalog location; rename one of them`,
    file: parsed.position.file,
    line: at.line,
    column: at.column,
    entityRef: parsed.ref,
    field: 'metadata.name',
  };
}

/**
 * Fits one location's validated revision into the whole catalog:
 * - an entity already defined by another location is a duplicate (reported, not applied);
 * - a reference this revision could not resolve is fine when another location defines the target;
 * - each problem about an entity carries that entity's owner, so the owning team sees it.
 */
export function resolveAcrossLocations(revision: ValidatedCatalog, refsElsewhere: Set<string>) {
  const dropped = new Set(revision.entities.filter((e) => refsElsewhere.has(e.ref)).map((e) => e.ref));
  const entities = revision.entities.filter((e) => !dropped.has(e.ref));
  const resolvedElsewhere = revision.unresolved.filter((u) => refsElsewhere.has(u.relation.target));
  const excused = new Set(resolvedElsewhere.map((u) => u.problem));
  const crossRelations: Relation[] = resolvedElsewhere.flatMap(({ relation }) => [
    relation,
    { source: relation.target, type: INVERSE.get(relation.type) as RelationType, target: relation.source },
  ]);
  // A dropped duplicate's own relations (X dependsOn Y and Y dependencyOf X) go with it; relations
  // of kept entities that point at it stay: it exists, in the other location.
  const relations = [...revision.relations, ...crossRelations].filter((r) =>
    FORWARD.has(r.type) ? !dropped.has(r.source) : !dropped.has(r.target),
  );
  const owners = new Map(
    revision.entities.map((e) => [
      e.ref,
      ownerRef(e.entity.spec?.owner, e.entity.metadata.namespace ?? 'default'),
    ]),
  );
  const problems = [
    ...revision.problems.filter((p) => !excused.has(p)),
    ...(entities.length !== revision.entities.length
      ? revision.entities.filter((e) => dropped.has(e.ref)).map(duplicateProblem)
      : []),
  ].map((p) => {
    const owner = p.owner ?? (p.entityRef ? owners.get(p.entityRef) : undefined);
    return owner ? { ...p, owner } : p;
  });
  return { entities, relations, problems };
}
