import { Type } from 'typebox';
import { NAME_RULE, NAMESPACE_RULE } from './refs.js';

const NAME = '^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$';
const NAMESPACE = '^[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*$';
// Backstage's rules: a key is an optional DNS-subdomain prefix and a slash, then a name.
const KEY =
  '^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*/)?[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$';
const KEY_RULE = 'use letters, digits, -, _ and ., optionally after a prefix such as example.com/';
const TAG = '^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$';
const LABEL_VALUE = '^(?:[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?)?$';

const textMap = (keyHint: string, value: object) =>
  Type.Unsafe<Record<string, string>>({
    type: 'object',
    propertyNames: { type: 'string', pattern: KEY, maxLength: 317, hint: keyHint },
    additionalProperties: value,
  });

/** A link shown on an entity's page. */
export const EntityLinkSchema = Type.Object({
  url: Type.String({ minLength: 1 }),
  title: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
});

/** The metadata every entity has, whatever its kind (Backstage's rules). */
export const EntityMetadataSchema = Type.Object({
  name: Type.String({ pattern: NAME, maxLength: 63, hint: `is not a valid name: ${NAME_RULE}` }),
  namespace: Type.Optional(
    Type.String({ pattern: NAMESPACE, maxLength: 63, hint: `is not a valid namespace: ${NAMESPACE_RULE}` }),
  ),
  title: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  labels: Type.Optional(
    textMap(`is not a valid label key: ${KEY_RULE}`, {
      type: 'string',
      pattern: LABEL_VALUE,
      maxLength: 63,
      hint: 'is not a valid label value: use letters, digits, -, _ and . (at most 63 characters)',
    }),
  ),
  annotations: Type.Optional(textMap(`is not a valid annotation key: ${KEY_RULE}`, { type: 'string' })),
  tags: Type.Optional(
    Type.Array(
      Type.String({
        pattern: TAG,
        maxLength: 63,
        hint: "is not a valid tag: use lower-case letters, digits, +, # and :, joined by - (e.g. 'machine-learning')",
      }),
    ),
  ),
  links: Type.Optional(Type.Array(EntityLinkSchema)),
});

/** The envelope every entity shares: apiVersion, kind, metadata and an optional spec. */
export const EntityEnvelopeSchema = Type.Object({
  apiVersion: Type.String({ minLength: 1 }),
  kind: Type.String({ minLength: 1 }),
  metadata: EntityMetadataSchema,
  spec: Type.Optional(Type.Object({})),
});

/** Fields an envelope may have besides its schema's: Backstage writes `relations` and `status`. */
export const ENVELOPE_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'relations', 'status'];
/** Fields metadata may have: the schema's, and those Backstage generates. */
export const METADATA_FIELDS = [...Object.keys(EntityMetadataSchema.properties), 'uid', 'etag'];
