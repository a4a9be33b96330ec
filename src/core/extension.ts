import type { TSchema } from 'typebox';
import type { Logger } from './logger.js';

/**
 * A typed place where adapters plug in, identified as `'<domain>.<point>'`.
 * @example export const executorPoint = extensionPoint<Executor>('compute.executor');
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  /** Phantom field that carries the adapter type; never set at run time. */
  readonly __type?: T;
}

export function extensionPoint<T>(id: string): ExtensionPoint<T> {
  return Object.freeze({ id });
}

/** What an adapter receives to build itself. */
export interface AdapterContext<C> {
  config: C;
  logger: Logger;
}

/** An adapter: a named implementation of an extension point, with its capabilities and its config schema. */
export interface Adapter<T, C = unknown> {
  readonly point: ExtensionPoint<T>;
  readonly name: string;
  readonly description: string;
  readonly capabilities: Readonly<Record<string, unknown>>;
  readonly configSchema?: TSchema;
  create(context: AdapterContext<C>): T | Promise<T>;
}

/**
 * Declares an adapter for a point.
 * @example
 * export const slurmExecutor = adapter(executorPoint, {
 *   name: 'slurm', description: 'Slurm through its CLI', capabilities: { arrays: true },
 *   create: ({ config, logger }) => new SlurmExecutor(config, logger),
 * });
 */
export function adapter<T, C = unknown>(
  point: ExtensionPoint<T>,
  definition: Omit<Adapter<T, C>, 'point'>,
): Adapter<T, C> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Adapter name '${definition.name}' must be kebab-case`);
  }
  return Object.freeze({ ...definition, point });
}

/** The one registry of adapters, by extension point and name. Registration is explicit and loud. */
export class ExtensionRegistry {
  private readonly byPoint = new Map<string, Map<string, Adapter<unknown, unknown>>>();

  register<T, C>(entry: Adapter<T, C>): this {
    const named = this.byPoint.get(entry.point.id) ?? new Map<string, Adapter<unknown, unknown>>();
    if (named.has(entry.name)) {
      throw new Error(
        `An adapter named '${entry.name}' is already registered for ${entry.point.id}; check the registrations`,
      );
    }
    named.set(entry.name, entry as Adapter<unknown, unknown>);
    this.byPoint.set(entry.point.id, named);
    return this;
  }

  /** The adapter registered under `name`; the error lists the names that exist. */
  get<T>(point: ExtensionPoint<T>, name: string): Adapter<T, unknown> {
    const found = this.byPoint.get(point.id)?.get(name);
    if (!found) {
      const known = this.list(point).map((a) => a.name);
      throw new Error(
        `No adapter '${name}' for ${point.id}; registered: ${known.length ? known.join(', ') : 'none'}`,
      );
    }
    return found as Adapter<T, unknown>;
  }

  list<T>(point: ExtensionPoint<T>): Adapter<T, unknown>[] {
    return [...(this.byPoint.get(point.id)?.values() ?? [])] as Adapter<T, unknown>[];
  }

  /** Every point and its adapters, for the operator's view. */
  describe(): { point: string; adapters: { name: string; description: string; capabilities: object }[] }[] {
    return [...this.byPoint.entries()].map(([point, named]) => ({
      point,
      adapters: [...named.values()].map(({ name, description, capabilities }) => ({
        name,
        description,
        capabilities,
      })),
    }));
  }
}
