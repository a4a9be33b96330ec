import { closest } from './closest.js';
import { entityProblem } from './entity-problem.js';
import { ENVELOPE_FIELDS, METADATA_FIELDS } from './envelope-schema.js';
import { defaultKindRegistry, type KindRegistry, type RegisteredKind } from './kind-registry.js';
import type { CatalogProblem, ParsedEntity } from './model.js';
import { describeSchemaErrors } from './schema-messages.js';
import { quote, withArticle } from './words.js';

/**
 * Checks one entity against the shared envelope and its kind's schema. Errors make the entity
 * invalid; warnings (an unusual lifecycle, an unknown field) are shown but do not.
 * References to other entities are checked with the whole revision (see `validateRevision`).
 * @example validateEntity(parsed) // [{ code: 'CATALOG_SCHEMA', message: 'spec.owner: is missing; …', … }]
 */
export function validateEntity(
  parsed: ParsedEntity,
  kinds: KindRegistry = defaultKindRegistry(),
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const { entity } = parsed;
  if (!kinds.validateEnvelope(entity)) {
    for (const issue of describeSchemaErrors(kinds.validateEnvelope.errors ?? [], '', 'every entity')) {
      problems.push(entityProblem(parsed, 'CATALOG_SCHEMA', issue.field, issue.message));
    }
  }
  problems.push(...unknownFields(parsed, entity, '', ENVELOPE_FIELDS, 'an entity'));
  problems.push(...unknownFields(parsed, entity.metadata, 'metadata', METADATA_FIELDS, 'metadata'));
  const kind = kinds.get(entity.kind);
  if (kind === undefined) {
    problems.push(unknownKind(parsed, kinds));
    return byPosition(problems);
  }
  if (!kind.definition.apiVersions.includes(entity.apiVersion) && typeof entity.apiVersion === 'string') {
    const under = kind.definition.apiVersions.join(' or ');
    const message = `apiVersion: ${quote(entity.apiVersion)} has no kind ${kind.definition.kind} (this kind is under ${under})`;
    problems.push(entityProblem(parsed, 'CATALOG_UNKNOWN_KIND', 'apiVersion', message));
  }
  problems.push(...checkSpec(parsed, kind));
  return byPosition(problems);
}

function byPosition(problems: CatalogProblem[]): CatalogProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function checkSpec(parsed: ParsedEntity, kind: RegisteredKind): CatalogProblem[] {
  const spec = parsed.entity.spec ?? {};
  // A spec that is not a mapping is already an envelope error; its fields cannot be checked.
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return [];
  const problems: CatalogProblem[] = [];
  const subject = withArticle(kind.definition.kind);
  if (!kind.validateSpec(spec)) {
    for (const issue of describeSchemaErrors(kind.validateSpec.errors ?? [], 'spec', subject)) {
      problems.push(entityProblem(parsed, 'CATALOG_SCHEMA', issue.field, issue.message));
    }
  }
  problems.push(...unknownFields(parsed, spec, 'spec', kind.specFields, subject));
  for (const [field, values] of Object.entries(kind.definition.recommendedValues ?? {})) {
    const value = (spec as Record<string, unknown>)[field.replace(/^spec\./, '')];
    if (typeof value !== 'string' || value === '' || values.includes(value)) continue;
    const message = `${field}: ${quote(value)} is not one of ${values.join(', ')}; it is kept, but filters and other tools may not know it`;
    problems.push(entityProblem(parsed, 'CATALOG_SCHEMA', field, message, 'warning'));
  }
  return problems;
}

/** Fields no schema names are kept (Backstage keeps them) but are often typos: warn, with a guess. */
function unknownFields(
  parsed: ParsedEntity,
  value: unknown,
  path: string,
  known: readonly string[],
  subject: string,
): CatalogProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || known.length === 0) return [];
  const problems: CatalogProblem[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const field = path === '' ? key : `${path}.${key}`;
    const guess = closest(key, known);
    const hint = guess ? `did you mean '${guess}'? ` : '';
    const message = `${field}: is not a field of ${subject} (${hint}known fields: ${known.join(', ')}); it is kept but not used`;
    problems.push(entityProblem(parsed, 'CATALOG_SCHEMA', field, message, 'warning'));
  }
  return problems;
}

function unknownKind(parsed: ParsedEntity, kinds: KindRegistry): CatalogProblem {
  const written = parsed.entity.kind;
  const names = kinds.names();
  const guess = closest(written, names);
  const suggestion = guess ? ` (did you mean '${guess}'?)` : '';
  const message = `kind: ${quote(written)} is not a known kind${suggestion}; known kinds: ${names.join(', ')}`;
  return entityProblem(parsed, 'CATALOG_UNKNOWN_KIND', 'kind', message);
}
