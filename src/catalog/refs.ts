/**
 * Entity references, `kind:namespace/name`, as Backstage writes them. A reference may leave out
 * the kind (when the field implies one) and the namespace (`default`, or the referring entity's).
 * The canonical form is all lower-case: names are compared without regard to case.
 */

import { describe, quote } from './words.js';

/** The three parts of a reference, as written. */
export interface EntityRefParts {
  kind: string;
  namespace: string;
  name: string;
}

/** A parsed reference, or a sentence saying what is wrong with it (never an exception). */
export type EntityRefResult = { ok: true; ref: EntityRefParts } | { ok: false; error: string };

/** What to assume when a reference leaves parts out. */
export interface EntityRefDefaults {
  /** The kind a bare `name` means here (e.g. `Group` for an owner); without it the kind is required. */
  defaultKind?: string;
  /** The namespace assumed when none is written; `default` unless told. */
  defaultNamespace?: string;
}

/** The namespace of entities that do not say theirs. */
export const DEFAULT_NAMESPACE = 'default';

const MAX_LENGTH = 63;
const NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
// A DNS label (as Backstage requires), compared without regard to case like the rest of a ref.
const NAMESPACE = /^[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*$/;
const KIND = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** What a valid name looks like, in words, for messages. */
export const NAME_RULE = 'use letters, digits, -, _ and . (at most 63 characters)';
/** What a valid namespace looks like, in words, for messages. */
export const NAMESPACE_RULE = 'use letters, digits and - (at most 63 characters)';
const KIND_RULE = 'start with a letter and use letters and digits only';

/** True for a valid `metadata.name`: `[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*`, at most 63 characters. */
export function isValidEntityName(value: string): boolean {
  return value.length <= MAX_LENGTH && NAME.test(value);
}

/** True for a valid namespace: a DNS label (letters, digits and inner dashes), at most 63 characters. */
export function isValidNamespace(value: string): boolean {
  return value.length <= MAX_LENGTH && NAMESPACE.test(value);
}

/** True for a valid kind name such as `Component`. */
export function isValidKind(value: string): boolean {
  return value.length <= MAX_LENGTH && KIND.test(value);
}

/** The canonical, all lower-case form of a reference: `component:default/pi-sim`. */
export function formatEntityRef(parts: EntityRefParts): string {
  return `${parts.kind}:${parts.namespace}/${parts.name}`.toLowerCase();
}

/**
 * Reads a reference written in full or in short (`name`, `namespace/name`, `kind:name`).
 * @example parseEntityRef('team-a', { defaultKind: 'Group' }) // { ok: true, ref: { kind: 'Group', namespace: 'default', name: 'team-a' } }
 */
export function parseEntityRef(value: unknown, defaults: EntityRefDefaults = {}): EntityRefResult {
  if (typeof value !== 'string')
    return fail(`${describe(value)} is not a reference: write kind:namespace/name`);
  if (value === '') return fail('an empty text is not a reference: write kind:namespace/name');
  const shown = quote(value);
  const colon = value.indexOf(':');
  const slash = value.indexOf('/');
  if (colon !== value.lastIndexOf(':') || slash !== value.lastIndexOf('/') || (slash >= 0 && colon > slash)) {
    return fail(`${shown} is not a reference: write kind:namespace/name, with one ':' and one '/' at most`);
  }
  const kind = colon >= 0 ? value.slice(0, colon) : defaults.defaultKind;
  const namespace =
    slash >= 0 ? value.slice(colon + 1, slash) : (defaults.defaultNamespace ?? DEFAULT_NAMESPACE);
  const name = value.slice(Math.max(colon, slash) + 1);
  if (kind === undefined) {
    return fail(
      `${shown} does not say which kind of entity it is: write it as kind:name, e.g. 'resource:${name}'`,
    );
  }
  if (!isValidKind(kind)) return fail(`${shown} has an invalid kind ${quote(kind)}: ${KIND_RULE}`);
  if (!isValidNamespace(namespace)) {
    return fail(`${shown} has an invalid namespace ${quote(namespace)}: ${NAMESPACE_RULE}`);
  }
  if (!isValidEntityName(name)) return fail(`${shown} has an invalid name ${quote(name)}: ${NAME_RULE}`);
  return { ok: true, ref: { kind, namespace, name } };
}

/** The canonical ref of an entity from its kind, namespace and name (no validation). */
export function entityRefOf(kind: string, namespace: string | undefined, name: string): string {
  return formatEntityRef({ kind, namespace: namespace ?? DEFAULT_NAMESPACE, name });
}

function fail(error: string): EntityRefResult {
  return { ok: false, error };
}
