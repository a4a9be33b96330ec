import { Type } from 'typebox';

export const IdFormatSchema = Type.Union(
  [Type.Literal('decimal'), Type.Literal('base32'), Type.Literal('base62')],
  {
    description: 'Text form of snowflakes: decimal (JSON-safe string), base32 (Crockford, 13) or base62 (11)',
  },
);

export const IdBatch = Type.Object({
  type: Type.String(),
  format: Type.String(),
  ids: Type.Array(Type.String()),
});

export const DecodedId = Type.Object({
  id: Type.String({ description: 'Decimal form' }),
  timestampMs: Type.Number(),
  time: Type.String(),
  worker: Type.Integer(),
  sequence: Type.Integer(),
  formats: Type.Object({ decimal: Type.String(), base32: Type.String(), base62: Type.String() }),
});
