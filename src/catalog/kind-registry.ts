import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AdapterContext, ExtensionRegistry } from '../core/extension.js';
import { EntityEnvelopeSchema } from './envelope-schema.js';
import { catalogKindPoint, type EntityKind } from './extension.js';
import { builtInKinds } from './kinds/index.js';

/** A kind with its schema compiled. */
export interface RegisteredKind {
  readonly definition: EntityKind;
  readonly validateSpec: ValidateFunction;
  /** The top-level fields its spec schema names; others get a "did you mean" warning. */
  readonly specFields: readonly string[];
}

/** The kinds a catalog accepts, each compiled once; lookups are by exact name or lower-case name. */
export interface KindRegistry {
  readonly validateEnvelope: ValidateFunction;
  /** The kind written exactly so (`Component`), as Backstage matches kinds. */
  get(kind: string): RegisteredKind | undefined;
  /** The kind whatever its case (refs are lower-case): `component` → Component. */
  find(kind: string): RegisteredKind | undefined;
  /** Every kind's name, sorted, for messages. */
  names(): string[];
  /** Whether an apiVersion belongs to the catalog (a kind's group, or one close to Backstage's or Plinth's). */
  isCatalogApi(apiVersion: string): boolean;
}

/** `backstage.io/v1alpha1` → `backstage.io`. */
function groupOf(apiVersion: string): string {
  return apiVersion.split('/')[0]?.toLowerCase() ?? '';
}

/**
 * Compiles the envelope and each kind's spec schema, once. Throws when two kinds share a name,
 * like the extension registry refuses a duplicate adapter.
 * @example const kinds = createKindRegistry([...builtInKinds, templateKind]);
 */
export function createKindRegistry(kinds: readonly EntityKind[]): KindRegistry {
  const ajv = createAjv();
  const byName = new Map<string, RegisteredKind>();
  const byLowerName = new Map<string, RegisteredKind>();
  for (const definition of kinds) {
    if (byLowerName.has(definition.kind.toLowerCase())) {
      throw new Error(`The catalog kind '${definition.kind}' is registered twice; check the registrations`);
    }
    const properties = (definition.specSchema as { properties?: object }).properties;
    const registered: RegisteredKind = {
      definition,
      validateSpec: ajv.compile(definition.specSchema),
      specFields: Object.keys(properties ?? {}),
    };
    byName.set(definition.kind, registered);
    byLowerName.set(definition.kind.toLowerCase(), registered);
  }
  const names = [...byName.keys()].sort();
  const groups = new Set(kinds.flatMap((k) => k.apiVersions.map(groupOf)));
  return {
    // A misspelt group (backstgae.io) still counts, so that the typo is reported, not skipped.
    isCatalogApi: (apiVersion) => groups.has(groupOf(apiVersion)) || /backst|plinth/i.test(apiVersion),
    validateEnvelope: ajv.compile(EntityEnvelopeSchema),
    get: (kind) => byName.get(kind),
    find: (kind) => byLowerName.get(kind.toLowerCase()),
    names: () => [...names],
  };
}

let builtIn: KindRegistry | undefined;

/** The registry of the built-in kinds, compiled on first use and then shared. */
export function defaultKindRegistry(): KindRegistry {
  builtIn ??= createKindRegistry(builtInKinds);
  return builtIn;
}

/**
 * The registry of every kind registered as an adapter of `catalogKindPoint` (the built-in ones
 * and any plug-in kind such as Template), for the server to validate revisions with.
 * @example const kinds = await kindRegistryFrom(extensions, { config: {}, logger });
 */
export async function kindRegistryFrom(
  extensions: ExtensionRegistry,
  context: AdapterContext<unknown>,
): Promise<KindRegistry> {
  const kinds = await Promise.all(extensions.list(catalogKindPoint).map((entry) => entry.create(context)));
  return createKindRegistry(kinds);
}

function createAjv(): Ajv {
  // allErrors: a person fixing a file wants every problem at once; verbose: errors then carry
  // the value and the field's schema, whose `hint` says in words what a pattern means.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv, ['date', 'uri', 'email']);
  ajv.addVocabulary(['hint']);
  return ajv;
}
