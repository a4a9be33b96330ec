import { type Adapter, adapter, extensionPoint } from '../core/extension.js';
import type { Entity, RelationType } from './model.js';

/** What a reference field may point to. */
export interface RefTarget {
  /** The kind a bare name means in this field (`Group` for an owner); without it, refs must name their kind. */
  defaultKind?: string;
  /** The kinds allowed here; any kind when left out (as Backstage allows for `dependsOn`). */
  kinds?: readonly string[];
}

/** A relation from an entity to another, found in one of its fields. */
export interface OutgoingRelation {
  type: RelationType;
  /** The canonical ref of the target (`group:default/team-a`). */
  target: string;
  /** The field it came from, as a dotted path (`spec.owner`, `spec.dependsOn.1`). */
  field: string;
  /** The reference as written, for messages. */
  value: string;
  /** The target's kind as written in the ref or implied by the field (`Group`). */
  targetKind: string;
}

/**
 * Reads reference fields for a kind's relation rules. It resolves short refs against the
 * field's default kind and the entity's namespace, and reports malformed refs and refs to a kind
 * that is not allowed itself, so that a kind only says which field means which relation.
 */
export interface RefHelper {
  /** The relations of `type` to the entities a field names (one ref or a list); none when the field is absent. */
  field(path: string, type: RelationType, target: RefTarget): OutgoingRelation[];
}

/**
 * A kind of catalog entity: the apiVersions it lives under, the JSON Schema of its `spec`, and
 * which of its fields are relations. Built-in kinds and plug-in kinds (such as `Template`) are
 * all adapters of {@link catalogKindPoint}.
 * @example
 * export const templateKind: EntityKind = {
 *   apiVersions: ['scaffolder.backstage.io/v1beta3'], kind: 'Template', description: 'A project template',
 *   specSchema: TemplateSpec,
 *   relations: (_entity, refs) => refs.field('spec.owner', 'ownedBy', { defaultKind: 'Group', kinds: ['Group', 'User'] }),
 * };
 */
export interface EntityKind {
  /** The apiVersions this kind may be written under (`backstage.io/v1alpha1`). */
  readonly apiVersions: readonly string[];
  /** The kind, as written in `kind:` (`Component`). */
  readonly kind: string;
  /** One line saying what such an entity is, for people. */
  readonly description: string;
  /** JSON Schema (TypeBox or plain) of `spec`; compiled once, when the kinds are registered. */
  readonly specSchema: object;
  /** Values advised for some fields (`spec.lifecycle`); other values are accepted with a warning. */
  readonly recommendedValues?: Readonly<Record<string, readonly string[]>>;
  /** The relations this entity states, read through `refs`. */
  relations(entity: Entity, refs: RefHelper): OutgoingRelation[];
}

/** The extension point of entity kinds. */
export const catalogKindPoint = extensionPoint<EntityKind>('catalog.kind');

/**
 * Declares a kind as an adapter of {@link catalogKindPoint}, named after the kind in lower case.
 * @example registry.register(kindAdapter(templateKind));
 */
export function kindAdapter(kind: EntityKind): Adapter<EntityKind> {
  return adapter(catalogKindPoint, {
    name: kind.kind.toLowerCase(),
    description: kind.description,
    capabilities: { kind: kind.kind, apiVersions: kind.apiVersions },
    create: () => kind,
  });
}
