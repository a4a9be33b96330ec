import { Type } from 'typebox';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SecretName = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
  description: 'Letters, digits, dot, dash and underscore; e.g. DATABASE_PASSWORD or s3.backup-key',
});
const TeamParam = Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' });

export const SecretParams = Type.Object({ team: TeamParam, name: SecretName });

export const SecretListQuery = Type.Object({
  team: Type.Optional(TeamParam),
  expiring: Type.Optional(
    Type.Boolean({ description: 'Only secrets that expire within the reminder window' }),
  ),
});

export const SecretMeta = Type.Object({
  team: Type.String(),
  name: Type.String(),
  description: Type.String(),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  expiryState: Type.Union([
    Type.Literal('none'),
    Type.Literal('ok'),
    Type.Literal('soon'),
    Type.Literal('expired'),
  ]),
  lastReadAt: Nullable(Type.String()),
  lastReadBy: Nullable(Type.String()),
});
export type SecretMeta = Type.Static<typeof SecretMeta>;

export const SecretList = Type.Object({
  items: Type.Array(SecretMeta),
  /** The teams the caller may store secrets in. */
  teams: Type.Array(Type.String()),
});

export const PutSecretBody = Type.Object(
  {
    value: Type.String({ minLength: 1, description: 'The secret; stored encrypted, shown only on reveal' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    expiresAt: Type.Optional(
      Nullable(
        Type.String({
          pattern: '^\\d{4}-\\d{2}-\\d{2}',
          description: 'ISO date or date-time; null for never',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type PutSecretBody = Type.Static<typeof PutSecretBody>;

export const RevealBody = Type.Object(
  {
    password: Type.Optional(
      Type.String({
        maxLength: 1024,
        description: 'Your account password; needed when signed in with a session',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RevealedSecret = Type.Object({ ...SecretMeta.properties, value: Type.String() });
