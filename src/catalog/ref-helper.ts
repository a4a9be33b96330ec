import { entityProblem } from './entity-problem.js';
import type { OutgoingRelation, RefHelper, RefTarget } from './extension.js';
import type { CatalogProblem, ParsedEntity, RelationType } from './model.js';
import { DEFAULT_NAMESPACE, formatEntityRef, parseEntityRef } from './refs.js';
import { either, quote, withArticle } from './words.js';

/**
 * The {@link RefHelper} a kind's relation rules read one entity with. Refs that cannot be read,
 * or that name a kind not allowed in their field, go to `problems` (CATALOG_INVALID_REF);
 * `kindName` spells a kind as its definition does (`component` → `Component`) in messages.
 */
export function createRefHelper(
  parsed: ParsedEntity,
  problems: CatalogProblem[],
  kindName: (kind: string) => string = (kind) => kind,
): RefHelper {
  const namespace = parsed.entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  return {
    field(path, type, target) {
      const value = valueAt(parsed.entity, path);
      if (typeof value === 'string') return one(path, value);
      if (!Array.isArray(value)) return [];
      return value.flatMap((item, index) => (typeof item === 'string' ? one(`${path}.${index}`, item) : []));

      function one(field: string, written: string): OutgoingRelation[] {
        const relation = resolve(field, written, type, target, namespace, kindName);
        if ('error' in relation) {
          problems.push(entityProblem(parsed, 'CATALOG_INVALID_REF', field, `${field}: ${relation.error}`));
          return [];
        }
        return [relation];
      }
    },
  };
}

function resolve(
  field: string,
  value: string,
  type: RelationType,
  target: RefTarget,
  defaultNamespace: string,
  kindName: (kind: string) => string,
): OutgoingRelation | { error: string } {
  const parsed = parseEntityRef(value, { defaultKind: target.defaultKind, defaultNamespace });
  if (!parsed.ok) return { error: parsed.error };
  const { kind } = parsed.ref;
  const allowed = target.kinds;
  if (allowed && !allowed.some((k) => k.toLowerCase() === kind.toLowerCase())) {
    const kinds = either(allowed.map(withArticle));
    return {
      error: `${quote(value)} refers to ${withArticle(kindName(kind))}; here it must refer to ${kinds}`,
    };
  }
  return { type, target: formatEntityRef(parsed.ref), field, value, targetKind: kind };
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
