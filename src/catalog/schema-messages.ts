import type { ErrorObject } from 'ajv';
import { closest } from './closest.js';
import { describe, quote } from './words.js';

/** One schema error in words: the field (dotted path) and a message that starts with it. */
export interface SchemaIssue {
  field: string;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'date (YYYY-MM-DD)',
  uri: 'URI (such as https://example.org/x)',
  email: 'e-mail address',
};

/**
 * Turns ajv's errors into one plain sentence per problem: "spec.ring: 'adopted' is not allowed;
 * use one of adopt, trial, assess, hold (did you mean 'adopt'?)". `prefix` is the path of the
 * validated value (`spec`), `subject` who needs a missing field ("a Component").
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  prefix: string,
  subject: string,
): SchemaIssue[] {
  const umbrellas = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    // The branches of a failed anyOf say what each alternative wanted; the anyOf's hint says it once.
    if (umbrellas.some((path) => error.schemaPath.startsWith(path))) continue;
    if (error.keyword === 'propertyNames') continue;
    const issue = describeError(error, join(prefix, pointerToPath(error.instancePath)), subject);
    const key = `${issue.field}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function describeError(error: ErrorObject, field: string, subject: string): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  const hint = (error.parentSchema as { hint?: string } | undefined)?.hint;
  if (error.propertyName !== undefined) {
    const key = join(field, error.propertyName);
    return {
      field: key,
      message: `${key}: the key ${quote(error.propertyName)} ${hint ?? 'is not allowed'}`,
    };
  }
  switch (error.keyword) {
    case 'required': {
      const missing = join(field, String(params.missingProperty));
      return { field: missing, message: `${missing}: is missing; ${subject} must have it` };
    }
    case 'additionalProperties': {
      const extra = join(field, String(params.additionalProperty));
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const guess = closest(String(params.additionalProperty), known);
      const suggestion = guess ? ` (did you mean '${guess}'?)` : '';
      return {
        field: extra,
        message: `${extra}: is not a known field here${suggestion}; known fields: ${known.join(', ')}`,
      };
    }
    case 'type':
      return at(
        field,
        `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${describe(error.data)}`,
      );
    case 'enum':
      return at(field, enumMessage(error.data, params.allowedValues as unknown[]));
    default:
      return at(field, valueMessage(error, hint));
  }
}

function valueMessage(error: ErrorObject, hint: string | undefined): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'minLength' && error.data === '') return 'must not be empty';
  if (hint) return `${describe(error.data)} ${hint}`;
  switch (error.keyword) {
    case 'minLength':
      return `is too short (at least ${params.limit} characters)`;
    case 'maxLength':
      return `is too long (at most ${params.limit} characters)`;
    case 'format':
      return `${describe(error.data)} is not a valid ${FORMAT_WORDS[String(params.format)] ?? String(params.format)}`;
    case 'pattern':
      return `${describe(error.data)} does not have the expected form`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'anyOf':
    case 'oneOf':
      return `${describe(error.data)} does not have any of the allowed forms`;
    default:
      return error.message ?? 'is not valid';
  }
}

function enumMessage(value: unknown, allowed: readonly unknown[]): string {
  const words = allowed.map(String);
  const guess = typeof value === 'string' ? closest(value, words) : undefined;
  return `${describe(value)} is not allowed; use one of ${words.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`;
}

function at(field: string, text: string): SchemaIssue {
  return { field, message: `${field}: ${text}` };
}

function join(prefix: string, path: string): string {
  if (prefix === '') return path;
  return path === '' ? prefix : `${prefix}.${path}`;
}

/** `/spec/providesApis/0` → `spec.providesApis.0`, as `ParsedEntity.fieldPositions` keys fields. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
