import { Type } from 'typebox';

/** The `services` section of the config: the ID generator, credentials generator and team vault. */
export const ServicesConfigSchema = Type.Object(
  {
    healthIntervalSeconds: Type.Integer({
      default: 30,
      minimum: 5,
      description: 'How often the health of each turnkey service is checked',
    }),
    generationsPerMinute: Type.Integer({
      default: 60,
      minimum: 1,
      description: 'Credentials a user may generate per minute',
    }),
    ids: Type.Object(
      {
        epoch: Type.String({
          default: '2024-01-01T00:00:00Z',
          pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
          description: 'Start of snowflake time (ISO-8601); never change it once IDs are in use',
        }),
        timeBits: Type.Integer({
          default: 41,
          minimum: 30,
          maximum: 48,
          description: 'Bits of milliseconds since the epoch',
        }),
        workerBits: Type.Integer({
          default: 10,
          minimum: 0,
          maximum: 16,
          description: 'Bits of the worker id (2^bits replicas)',
        }),
        sequenceBits: Type.Integer({
          default: 12,
          minimum: 4,
          maximum: 20,
          description: 'Bits of the per-millisecond sequence',
        }),
        leaseSeconds: Type.Integer({
          default: 30,
          minimum: 2,
          maximum: 3600,
          description: 'Lifetime of a worker-id lease; it is renewed at a third of it',
        }),
        maxClockBackwardMs: Type.Integer({
          default: 2000,
          minimum: 0,
          maximum: 60_000,
          description: 'How far the clock may step back before issuing is refused instead of waited out',
        }),
        maxBatch: Type.Integer({
          default: 10_000,
          minimum: 1,
          maximum: 100_000,
          description: 'Largest count per request',
        }),
        requestsPerMinute: Type.Integer({
          default: 6000,
          minimum: 1,
          description: 'ID requests a user may make per minute',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    vault: Type.Object(
      {
        key: Type.Optional(
          Type.String({
            pattern: '^[A-Za-z0-9+/_-]{43}=?$',
            secret: true,
            description:
              'Key-encryption key of the team vault: 32 random bytes in base64; the vault is off when unset',
          }),
        ),
        retiredKeys: Type.Array(Type.String({ pattern: '^[A-Za-z0-9+/_-]{43}=?$' }), {
          default: [],
          secret: true,
          description:
            'Former vault keys, still able to decrypt; secrets are re-wrapped under `key` at start (JSON list in the environment variable)',
        }),
        readsPerMinute: Type.Integer({
          default: 30,
          minimum: 1,
          description: 'Secret reveals a user may make per minute',
        }),
        reminderDays: Type.Integer({
          default: 14,
          minimum: 1,
          maximum: 365,
          description: 'Days before a secret expires when its team is reminded',
        }),
        maxValueBytes: Type.Integer({
          default: 65_536,
          minimum: 256,
          maximum: 1_048_576,
          description: 'Largest secret value',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
  },
  { default: {}, additionalProperties: false },
);
