import { CliError } from './cli-error.js';

/** A field of a template's form, as the CLI asks for it. */
export interface FormField {
  key: string;
  page: string;
  schema: Record<string, unknown>;
  required: boolean;
}

/** Every field of every page, in order. */
export function formFields(pages: Record<string, unknown>[]): FormField[] {
  return pages.flatMap((page, i) => {
    const required = new Set((page.required as string[] | undefined) ?? []);
    return Object.entries((page.properties ?? {}) as Record<string, Record<string, unknown>>).map(
      ([key, schema]) => ({
        key,
        page: typeof page.title === 'string' ? page.title : `Page ${i + 1}`,
        schema,
        required: required.has(key),
      }),
    );
  });
}

/**
 * A `--set key=value` turned into the type its field wants: `--set cpus=4` is the integer 4,
 * `--set tags=["a","b"]` a list. A value for no field is a usage error that lists the fields.
 */
export function parseSet(pairs: readonly string[], fields: readonly FormField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw CliError.usage(`--set ${pair}: write it as key=value.`);
    const key = pair.slice(0, at);
    const field = fields.find((f) => f.key === key);
    if (!field)
      throw CliError.usage(
        `--set ${key}: the template has no such field; its fields: ${fields.map((f) => f.key).join(', ')}.`,
      );
    values[key] = coerce(pair.slice(at + 1), field.schema);
  }
  return values;
}

/** The text a person typed, as the value its schema wants (left as text when it does not fit, for the validator to say why). */
export function coerce(text: string, schema: Record<string, unknown>): unknown {
  const type = schema.type;
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && !Number.isNaN(Number(text)))
    return Number(text);
  if (type === 'boolean' && /^(true|false|yes|no)$/i.test(text)) return /^(true|yes)$/i.test(text);
  if (type === 'array' || type === 'object') {
    try {
      return JSON.parse(text);
    } catch {
      return type === 'array' ? text.split(',').map((s) => s.trim()) : text;
    }
  }
  return text;
}
