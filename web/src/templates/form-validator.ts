import { type Schema, Validator } from '@cfworker/json-schema';
import type {
  ErrorSchema,
  RJSFSchema,
  RJSFValidationError,
  ValidationData,
  ValidatorType,
} from '@rjsf/utils';
import { fits } from './page-problems.js';

function errorsOf(schema: RJSFSchema, formData: unknown): RJSFValidationError[] {
  return new Validator(schema as Schema, '7', false)
    .validate(formData)
    .errors.filter((e) => e.keyword !== 'properties')
    .map((e) => {
      const path = e.instanceLocation.replace(/^#/, '').replaceAll('/', '.');
      return {
        name: e.keyword,
        property: path || '.',
        message: e.error,
        stack: `${path} ${e.error}`,
        schemaPath: e.keywordLocation,
      };
    });
}

function toSchema(errors: RJSFValidationError[]): ErrorSchema {
  const out: Record<string, { __errors: string[] }> = {};
  for (const e of errors) {
    const key = (e.property ?? '').replace(/^\./, '') || '__root';
    const entry = out[key] ?? { __errors: [] };
    entry.__errors.push(e.message ?? '');
    out[key] = entry;
  }
  return out as unknown as ErrorSchema;
}

/**
 * The validator the form library calls (for schemas with conditions, and on submit), built on
 * the same interpreting validator as {@link fits}: ajv's generated code is not allowed by the
 * portal's Content-Security-Policy.
 */
export const formValidator: ValidatorType = {
  validateFormData(formData: unknown, schema: RJSFSchema): ValidationData<unknown> {
    const errors = errorsOf(schema, formData);
    return { errors, errorSchema: toSchema(errors) };
  },
  isValid(schema: RJSFSchema, formData: unknown): boolean {
    return fits(schema, formData);
  },
  rawValidation(schema: RJSFSchema, formData?: unknown) {
    return { errors: errorsOf(schema, formData) as never[] };
  },
  reset() {},
} as ValidatorType;
