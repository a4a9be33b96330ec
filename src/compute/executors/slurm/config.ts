import { Type } from 'typebox';

const Name = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });

/** How Plinth reaches a login node when Slurm's commands are not on its own machine. */
export const SlurmSshConfig = Type.Object(
  {
    host: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Login node to run sbatch, squeue... on',
    }),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65_535, default: 22 })),
    username: Type.String({ minLength: 1, maxLength: 64, description: 'Account that submits every job' }),
    privateKeyPath: Type.String({
      minLength: 1,
      description: 'Private key file of that account (OpenSSH or PEM)',
    }),
    passphrase: Type.Optional(Type.String({ description: "The key's passphrase, if it has one" })),
    hostFingerprint: Type.Optional(
      Type.String({
        pattern: '^SHA256:[A-Za-z0-9+/]{43}$',
        description: "The login node's host key as `ssh-keygen -lf` prints it; strongly advised",
      }),
    ),
  },
  { additionalProperties: false },
);

/** Settings of the Slurm executor (`compute.executors.slurm`). */
export const SlurmConfig = Type.Object(
  {
    transport: Type.Optional(
      Type.Union([Type.Literal('local'), Type.Literal('ssh')], {
        default: 'local',
        description: "'local': Slurm's commands run on the Plinth host; 'ssh': on a login node",
      }),
    ),
    ssh: Type.Optional(SlurmSshConfig),
    defaultPartition: Type.Optional(Name),
    pollTimeoutMs: Type.Optional(
      Type.Integer({
        minimum: 100,
        default: 15_000,
        description: 'Longest wait for squeue/sacct; past it the poll fails and job states are marked stale',
      }),
    ),
    commandTimeoutMs: Type.Optional(
      Type.Integer({ minimum: 100, default: 30_000, description: 'Longest wait for sbatch, scancel, sinfo' }),
    ),
    partitionsTtlSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        default: 300,
        description: 'How long the partition list for forms is reused',
      }),
    ),
    accounting: Type.Optional(
      Type.Union(
        [Type.Literal('auto'), Type.Literal('slurmdbd'), Type.Literal('jobcomp'), Type.Literal('none')],
        {
          default: 'auto',
          description:
            "Where finished jobs are read: sacct (slurmdbd), sacct -c (jobcomp/filetxt); 'auto' asks scontrol",
        },
      ),
    ),
    binDir: Type.Optional(
      Type.String({ minLength: 1, description: "Folder of Slurm's commands if not on PATH" }),
    ),
    slurmConf: Type.Optional(
      Type.String({ minLength: 1, description: 'SLURM_CONF for the commands, if not the default' }),
    ),
  },
  { additionalProperties: false },
);
export type SlurmConfig = Type.Static<typeof SlurmConfig>;
