/** The parts of an entity ref `kind:namespace/name`. */
export interface RefParts {
  kind: string;
  namespace: string;
  name: string;
}

/** Splits `kind:namespace/name`; a bare `name` or `kind:name` gets the defaults Backstage uses. */
export function parseRef(ref: string, defaultKind = 'component'): RefParts {
  const match = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  return {
    kind: (match?.[1] ?? defaultKind).toLowerCase(),
    namespace: (match?.[2] ?? 'default').toLowerCase(),
    name: (match?.[3] ?? ref).toLowerCase(),
  };
}

/** The ref of an entity's parts, lower-case as the catalog stores it. */
export function formatRef(parts: RefParts): string {
  return `${parts.kind}:${parts.namespace}/${parts.name}`.toLowerCase();
}

/**
 * An owner as the catalog page URL keeps it: just the name for a group in the default namespace
 * (`climate-modelling`), the full ref otherwise (`user:default/ada`).
 */
export function shortOwner(ref: string): string {
  const parts = parseRef(ref, 'group');
  return parts.kind === 'group' && parts.namespace === 'default' ? parts.name : formatRef(parts);
}

/** The full ref of an owner written either way. */
export function ownerRef(value: string): string {
  return formatRef(parseRef(value, 'group'));
}

// Relation types in words: as a heading over a list ("Depends on"), and on a graph edge.
const relationWords: Record<string, string> = {
  ownedBy: 'Owned by',
  ownerOf: 'Owns',
  partOf: 'Part of',
  hasPart: 'Has part',
  dependsOn: 'Depends on',
  dependencyOf: 'Dependency of',
  providesApi: 'Provides API',
  apiProvidedBy: 'API provided by',
  consumesApi: 'Consumes API',
  apiConsumedBy: 'API consumed by',
  memberOf: 'Member of',
  hasMember: 'Has member',
  childOf: 'Child of',
  parentOf: 'Parent of',
};

/** A relation type in words: `dependsOn` → "Depends on"; unknown types are split at capitals. */
export function relationLabel(type: string): string {
  const known = relationWords[type];
  if (known) return known;
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The order in which relation lists appear: who owns it and where it belongs first.
const relationOrder = Object.keys(relationWords);

/** Sorts relation types so that ownership and membership come first, then parts, then dependencies. */
export function compareRelationTypes(a: string, b: string): number {
  const rank = (t: string) => (relationOrder.includes(t) ? relationOrder.indexOf(t) : relationOrder.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
