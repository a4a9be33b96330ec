import { type Schema, Validator } from '@cfworker/json-schema';
import { splitPage } from './schema-ui.js';
import type { ParameterPage } from './template-types.js';

// An interpreting validator: the portal's Content-Security-Policy forbids the code generation
// that ajv relies on, and a form must be checked as the person types, in the browser.
function fieldMessage(keyword: string, field: Record<string, unknown>, help: unknown): string {
  switch (keyword) {
    case 'required':
      return 'Required';
    case 'pattern':
      return typeof help === 'string' ? `Expected: ${help}` : 'Does not have the expected form';
    case 'type':
      return field.type === 'integer'
        ? 'Must be a whole number'
        : field.type === 'number'
          ? 'Must be a number'
          : `Must be a ${String(field.type)}`;
    case 'minimum':
      return `Must be at least ${String(field.minimum)}`;
    case 'maximum':
      return `Must be at most ${String(field.maximum)}`;
    case 'minLength':
      return `At least ${String(field.minLength)} characters`;
    case 'maxLength':
      return `At most ${String(field.maxLength)} characters`;
    case 'enum':
      return `Choose one of: ${((field.enum as unknown[]) ?? []).join(', ')}`;
    case 'format':
      return `Not a valid ${String(field.format)}`;
    default:
      return 'Invalid value';
  }
}

/**
 * The problems of one page of a template's form, by field, in words: what the form shows under
 * each field, and what "Next" checks before moving on. It accepts exactly what the server's
 * validator accepts (a test compares the two on generated values).
 */
export function pageProblems(page: ParameterPage, values: Record<string, unknown>): Record<string, string> {
  const { schema, uiSchema } = splitPage(page);
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const result = new Validator(schema as Schema, '7', false).validate(values);
  const problems: Record<string, string> = {};
  for (const error of result.errors) {
    if (error.keyword === 'properties') continue;
    const key =
      error.keyword === 'required'
        ? (/"([^"]+)"/.exec(error.error)?.[1] ?? '')
        : (error.instanceLocation.replace(/^#\/?/, '').split('/')[0] ?? '');
    if (!key || problems[key]) continue;
    const help = (uiSchema[key] as Record<string, unknown> | undefined)?.['ui:help'];
    problems[key] = fieldMessage(error.keyword, properties[key] ?? {}, help);
  }
  return problems;
}

/** Whether values fit a schema; what the form library asks when a schema has conditions. */
export function fits(schema: object, value: unknown): boolean {
  return new Validator(schema as Schema, '7', true).validate(value).valid;
}
