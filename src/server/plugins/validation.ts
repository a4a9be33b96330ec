import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

function createAjv(coerceTypes: Options['coerceTypes'], removeAdditional: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional,
    allErrors: true,
    // Errors then carry the field's schema, whose description explains a pattern in words.
    verbose: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Query strings and path parameters arrive as text, so they are coerced ('10' → 10);
 * JSON bodies already have types, and a wrong one (or an unknown field, where the schema
 * closes the object) is the caller's mistake to hear about.
 */
export function schemaValidator(): FastifySchemaCompiler<FastifySchema> {
  const lenient = createAjv('array', true);
  // A misspelt field in a body is refused, not dropped: `resources: { cpu: 4 }` must not run on 1 CPU.
  const strict = createAjv(false, false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema as object);
}
