import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** One configurable leaf of the schema with the environment variable that sets it. */
export interface ConfigKey {
  path: string[];
  envName: string;
  schema: TSchema & {
    type?: string;
    description?: string;
    default?: unknown;
    secret?: boolean;
    /** The shapes of a setting that takes several (trustProxy: a boolean or a list). */
    anyOf?: ConfigKey['schema'][];
    items?: { type?: string };
  };
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

/**
 * The variable that names a file holding a secret setting (`PLINTH_SECRET_KEY_FILE`), or
 * undefined for a setting that is not marked `secret: true` in the schema.
 */
export function fileVariableOf(key: ConfigKey): string | undefined {
  return key.schema.secret === true ? `${key.envName}_FILE` : undefined;
}

/** Converts an environment string to the JSON type the schema expects; validation reports the rest. */
export function coerceEnvValue(raw: string, schema: ConfigKey['schema']): unknown {
  if (schema.anyOf) {
    // A setting of several shapes (true, or a list) takes the first shape the text fits.
    for (const shape of schema.anyOf) {
      const value = coerceEnvValue(raw, shape);
      if (Value.Check(shape, value)) return value;
    }
    return raw;
  }
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    const trimmed = raw.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : raw;
  }
  if (type === 'array' || type === 'object') {
    try {
      return JSON.parse(raw);
    } catch {
      // A list of words may also be written plainly, comma-separated: 10.0.0.0/8,192.168.1.5
      if (type !== 'array' || schema.items?.type !== 'string') return raw;
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
  }
  if (type === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}
