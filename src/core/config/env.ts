import type { TSchema } from 'typebox';

/** One configurable leaf of the schema with the environment variable that sets it. */
export interface ConfigKey {
  path: string[];
  envName: string;
  schema: TSchema & { type?: string; description?: string; default?: unknown };
}

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Lists every leaf key of an object schema, with its `PLINTH_*` variable name. */
export function configKeys(schema: TSchema, prefix: string[] = []): ConfigKey[] {
  const props = (schema as { properties?: Record<string, TSchema> }).properties ?? {};
  return Object.entries(props).flatMap(([key, child]) => {
    const path = [...prefix, key];
    // Objects with named keys are sections; a free-form map (a Record) is one setting.
    if ((child as { properties?: object }).properties) return configKeys(child, path);
    return [{ path, envName: `PLINTH_${path.map(snake).join('_')}`, schema: child as ConfigKey['schema'] }];
  });
}

/** Converts an environment string to the JSON type the schema expects; validation reports the rest. */
export function coerceEnvValue(raw: string, schema: ConfigKey['schema']): unknown {
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    const trimmed = raw.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : raw;
  }
  if (type === 'array' || type === 'object') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (type === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}
