import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: true,
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
 * JSON bodies already have types, and a wrong one is the caller's mistake to hear about.
 */
export function schemaValidator(): FastifySchemaCompiler<FastifySchema> {
  const lenient = createAjv('array');
  const strict = createAjv(false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema as object);
}
