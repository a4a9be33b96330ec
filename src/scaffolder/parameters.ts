import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { TemplateSpec } from '../catalog/index.js';

/** A problem with one field of the form. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The pages of a template's form, always as a list. */
export function parameterPages(spec: Pick<TemplateSpec, 'parameters'>): Record<string, unknown>[] {
  const p = spec.parameters;
  if (!p) return [];
  return (Array.isArray(p) ? p : [p]) as Record<string, unknown>[];
}

function createAjv(): Ajv {
  // Not strict: pages carry `ui:` hints for the form that are not JSON Schema keywords.
  const ajv = new Ajv({ strict: false, allErrors: true, useDefaults: true });
  addFormats.default(ajv);
  return ajv;
}

const ajv = createAjv();

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  return path || '(form)';
}

function messageOf(error: ErrorObject, schema: Record<string, unknown>): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'pattern') {
    const field = (
      schema.properties as Record<string, { 'ui:help'?: string; description?: string }> | undefined
    )?.[error.instancePath.replace(/^\//, '').split('/')[0] ?? ''];
    const help = field?.['ui:help'];
    return help
      ? `does not match the expected form: ${help}`
      : `must match ${(error.params as { pattern: string }).pattern}`;
  }
  if (error.keyword === 'enum') {
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/**
 * Checks a form's values against every page of the template, fills in defaults, and returns
 * the values with each problem at its field. The same pages drive the portal's form, so a
 * value the form accepts is accepted here too.
 */
export function validateParameters(
  pages: Record<string, unknown>[],
  input: Record<string, unknown>,
): { values: Record<string, unknown>; problems: FieldProblem[] } {
  const values = structuredClone(input);
  const problems: FieldProblem[] = [];
  for (const page of pages) {
    const { title: _t, description: _d, ...schema } = page;
    const validate = ajv.compile({ type: 'object', ...schema });
    if (!validate(values)) {
      for (const error of validate.errors ?? []) {
        const field = fieldOf(error);
        if (!problems.some((p) => p.field === field))
          problems.push({ field, message: messageOf(error, page) });
      }
    }
  }
  return { values, problems };
}

/** Whether a schema document compiles; the message says why not. */
export function compilePage(page: Record<string, unknown>): string | null {
  try {
    ajv.compile({ type: 'object', ...page });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Sample values for a template's parameters (defaults, then examples, then the first enum value) for offline checks. */
export function sampleValues(pages: Record<string, unknown>[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const page of pages) {
    for (const [key, raw] of Object.entries(
      (page.properties ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      const examples = raw.examples as unknown[] | undefined;
      const sample = raw.default ?? examples?.[0] ?? (raw.enum as unknown[] | undefined)?.[0];
      if (sample !== undefined) values[key] = sample;
    }
  }
  return values;
}
