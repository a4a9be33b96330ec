import { Type } from 'typebox';
import { LockoutConfigSchema } from '../../auth/config-schema.js';
import { DocsConfigSchema } from '../../docs/config-schema.js';
import { NotificationsConfigSchema } from '../../notifications/config-schema.js';
import { RadarConfigSchema } from '../../radar/config-schema.js';
import { RequestsConfigSchema } from '../../requests/config-schema.js';
import { ScaffolderConfigSchema } from '../../scaffolder/config-schema.js';
import { ServicesConfigSchema } from '../../services/config-schema.js';
import { ServerConfigSchema } from './server-schema.js';
import { TrustProxySchema } from './trust-proxy.js';

/**
 * Every setting of Plinth, documented key by key. Each key can be set in the config file
 * (`plinth.yaml`) and, with higher precedence, as an environment variable named
 * `PLINTH_` + the key path in SCREAMING_SNAKE case (`auth.sessionTtlHours` → `PLINTH_AUTH_SESSION_TTL_HOURS`).
 */
export const ConfigSchema = Type.Object(
  {
    host: Type.String({ default: '127.0.0.1', minLength: 1, description: 'Address the portal listens on' }),
    port: Type.Integer({
      default: 7007,
      minimum: 0,
      maximum: 65535,
      description: 'TCP port (0 = any free port)',
    }),
    dataDir: Type.String({
      default: './data',
      minLength: 1,
      description: 'Folder for the SQLite database, the generated secret key and other local state',
    }),
    databaseUrl: Type.Optional(
      Type.String({
        pattern: '^(postgres|postgresql|sqlite)://',
        secret: true,
        description: 'Unset: SQLite in dataDir. postgres://user:pass@host:5432/db: PostgreSQL',
      }),
    ),
    adminUser: Type.String({
      default: 'admin',
      pattern: '^[a-z][a-z0-9._-]{1,38}[a-z0-9]$',
      description: 'Username of the Keeper account created on first start',
    }),
    adminPassword: Type.Optional(
      Type.String({
        minLength: 10,
        secret: true,
        description:
          'Password of that first Keeper (first start only); generated and printed once when unset',
      }),
    ),
    platformRepo: Type.String({
      default: 'examples/platform',
      minLength: 1,
      description: 'The platform repo: a local folder, or a git URL (https, ssh or file) cloned into dataDir',
    }),
    secretKey: Type.Optional(
      Type.String({
        minLength: 32,
        secret: true,
        description:
          'Key for sessions and encryption at rest; generated into dataDir on first start when unset',
      }),
    ),
    publicUrl: Type.Optional(
      Type.String({
        pattern: '^https?://',
        description: 'The URL people use to reach the portal; https:// makes cookies Secure',
      }),
    ),
    logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      default: 'info',
      description: 'Log verbosity',
    }),
    trustProxy: TrustProxySchema,
    bodyLimitBytes: Type.Integer({
      default: 1_048_576,
      minimum: 1024,
      description: 'Largest accepted request body',
    }),
    server: ServerConfigSchema,
    auth: Type.Object(
      {
        sessionTtlHours: Type.Integer({
          default: 168,
          minimum: 1,
          maximum: 8760,
          description: 'Sign-in lifetime',
        }),
        passwordMinLength: Type.Integer({
          default: 10,
          minimum: 8,
          maximum: 128,
          description: 'Shortest password a user may choose',
        }),
        scryptCost: Type.Integer({
          default: 15,
          minimum: 10,
          maximum: 20,
          description: 'log2 of the scrypt cost factor N for password hashes',
        }),
        revokeTokensOnPasswordChange: Type.Boolean({
          default: true,
          description:
            "A password change or reset also revokes the user's API tokens (their other sessions always end)",
        }),
        loginAttemptsPerMinute: Type.Integer({
          default: 10,
          minimum: 1,
          description: 'Login attempts allowed per client address and minute',
        }),
        lockout: LockoutConfigSchema,
      },
      { default: {}, additionalProperties: false },
    ),
    catalog: Type.Object(
      {
        syncIntervalSeconds: Type.Integer({
          default: 300,
          minimum: 0,
          description: 'How often every location is pulled (0 = only on demand and by webhook)',
        }),
        webhookSecret: Type.Optional(
          Type.String({
            minLength: 16,
            secret: true,
            description:
              'Shared secret of the git-host webhook that triggers a sync; webhooks are off when unset',
          }),
        ),
        locations: Type.Array(
          Type.Object(
            {
              name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$' }),
              target: Type.String({ minLength: 1 }),
              branch: Type.Optional(Type.String()),
              path: Type.Optional(Type.String()),
            },
            { additionalProperties: false },
          ),
          {
            default: [],
            description:
              'More catalog locations besides the platform repo (JSON list in the environment variable)',
          },
        ),
      },
      { default: {}, additionalProperties: false },
    ),
    compute: Type.Object(
      {
        defaultExecutor: Type.String({ default: 'local', description: 'Executor of jobs that name none' }),
        pollIntervalSeconds: Type.Number({
          default: 2,
          minimum: 0.1,
          description: 'How often active jobs are polled (one query per executor per poll)',
        }),
        idlePollSeconds: Type.Number({
          default: 30,
          minimum: 1,
          description: 'Longest wait between polls while no job is active',
        }),
        submitsPerMinute: Type.Integer({
          default: 600,
          minimum: 1,
          description: 'Job submissions allowed per client address and minute (arrays count once)',
        }),
        maxActiveJobsPerTeam: Type.Integer({
          default: 200,
          minimum: 1,
          description: 'Pending and running jobs a team may have at once',
        }),
        executorTeams: Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 })), {
          default: {},
          description:
            'Executors offered only to some teams: { slurm: [climate-modelling, protein-ml] }; an executor not listed is offered to everyone (JSON in the environment variable)',
        }),
        teamLimits: Type.Record(
          Type.String(),
          Type.Object(
            {
              maxActiveJobs: Type.Optional(Type.Integer({ minimum: 1 })),
              partitions: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
            },
            { additionalProperties: false },
          ),
          {
            default: {},
            description:
              'Per team: its own limit of active jobs and the partitions its jobs may use, e.g. { protein-ml: { maxActiveJobs: 500, partitions: [gpu] } } (JSON in the environment variable)',
          },
        ),
        executors: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
          default: { local: {} },
          // An SSH passphrase of the Slurm executor may be among its settings.
          secret: true,
          description:
            'The executors offered, each with its settings (JSON in the environment variable): ' +
            'local (jobs on the Plinth host), slurm (a Slurm cluster); see the compute guide',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    services: ServicesConfigSchema,
    scaffolder: ScaffolderConfigSchema,
    docs: DocsConfigSchema,
    radar: RadarConfigSchema,
    requests: RequestsConfigSchema,
    notifications: NotificationsConfigSchema,
  },
  { additionalProperties: false },
);

export type Config = Type.Static<typeof ConfigSchema>;
