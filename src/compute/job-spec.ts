import { Type } from 'typebox';

/** Resources a job asks for. The executor maps them to its own terms (Slurm: --cpus-per-task, --mem...). */
export const Resources = Type.Object(
  {
    cpus: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4096, default: 1, description: 'CPU cores per task' }),
    ),
    memoryMb: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 16_777_216, description: 'Memory per task, in MB' }),
    ),
    gpus: Type.Optional(Type.Integer({ minimum: 0, maximum: 64, description: 'GPUs per task' })),
    gpuType: Type.Optional(
      Type.String({ maxLength: 100, description: 'GPU model, e.g. a100 (Slurm gres type)' }),
    ),
    timeLimitMinutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 525_600,
        description: 'Wall-clock limit; the job ends as timeout after it',
      }),
    ),
  },
  { additionalProperties: false },
);
export type Resources = Type.Static<typeof Resources>;

const EnvName = '^[A-Za-z_][A-Za-z0-9_]*$';

/**
 * One job spec for every executor. `command` (argv) or `script` (a shell script), not both.
 * Executor-specific extras go in `options`, which the chosen executor validates.
 */
export const JobSpec = Type.Object(
  {
    name: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
      description: 'letters, digits, dot, dash and underscore, at most 100 characters',
    }),
    executor: Type.Optional(
      Type.String({ maxLength: 63, description: 'local, slurm...; the default executor when absent' }),
    ),
    command: Type.Optional(Type.Array(Type.String({ maxLength: 10_000 }), { minItems: 1, maxItems: 1000 })),
    script: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
    workingDirectory: Type.Optional(Type.String({ maxLength: 4096 })),
    env: Type.Optional(
      Type.Record(Type.String({ pattern: EnvName }), Type.String({ maxLength: 100_000 }), {
        description:
          'Environment variables; a value "secret:NAME" is filled from the team vault and never logged',
      }),
    ),
    resources: Type.Optional(Resources),
    partition: Type.Optional(Type.String({ maxLength: 100, description: 'Queue or partition' })),
    array: Type.Optional(
      Type.String({
        pattern: '^\\d{1,6}-\\d{1,6}(%\\d{1,4})?$',
        description: 'Task range such as 0-9, optionally %N for at most N at once',
      }),
    ),
    labels: Type.Optional(Type.Record(Type.String({ maxLength: 63 }), Type.String({ maxLength: 200 }))),
    team: Type.Optional(
      Type.String({ maxLength: 63, description: 'Owning team (one of yours); your first team when absent' }),
    ),
    options: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Executor-specific settings' }),
    ),
  },
  { additionalProperties: false },
);
export type JobSpec = Type.Static<typeof JobSpec>;
