import { confirm, isCancel, select, text } from '@clack/prompts';
import { CliError } from './cli-error.js';
import type { CliIo } from './output.js';
import { coerce, type FormField } from './template-values.js';

/** Checks one field's value; undefined when it is fine, else the message for the person. */
export type FieldCheck = (key: string, value: unknown) => string | undefined;

function answered<T>(value: T | symbol): T {
  if (isCancel(value)) throw new CliError('CLI_CANCELLED', 'cancelled.');
  return value as T;
}

/**
 * Asks for one field the way its schema suggests: a list to pick from for an enum, yes/no for a
 * boolean, text otherwise, each checked as it is typed by the same rules the server applies.
 */
export async function askField(field: FormField, check: FieldCheck, io: CliIo): Promise<unknown> {
  const s = field.schema;
  const title = String(s.title ?? field.key);
  const message = s.description ? `${title} (${String(s.description)})` : title;
  const streams = { input: io.stdin as NodeJS.ReadStream, output: process.stderr };
  if (Array.isArray(s.enum)) {
    const labels = (s.enumNames as string[] | undefined) ?? [];
    return answered(
      await select({
        message,
        options: s.enum.map((value, i) => ({ value, label: labels[i] ?? String(value) })),
        initialValue: s.default ?? s.enum[0],
        ...streams,
      }),
    );
  }
  if (s.type === 'boolean') {
    return answered(await confirm({ message, initialValue: s.default === true, ...streams }));
  }
  const typed = answered<string>(
    await text({
      message,
      placeholder: s.default === undefined ? (s['ui:help'] as string | undefined) : String(s.default),
      defaultValue: s.default === undefined ? undefined : String(s.default),
      validate: (value) => {
        if (!value && s.default !== undefined) return undefined;
        if (!value) return field.required ? 'Required' : undefined;
        return check(field.key, coerce(value, s));
      },
      ...streams,
    }),
  );
  return coerce(typed || (s.default === undefined ? '' : String(s.default)), s);
}
