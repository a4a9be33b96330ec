import { Type } from 'typebox';
import { Page, PageQuery } from '../core/schemas.js';
import { JOB_STATES } from './extension.js';
import { JobSpec } from './job-spec.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const JobStateSchema = Type.Enum(JOB_STATES);

export const TaskView = Type.Object({
  index: Type.Integer(),
  state: JobStateSchema,
  exitCode: Nullable(Type.Integer()),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
});

export const Job = Type.Object({
  id: Type.String(),
  name: Type.String(),
  executor: Type.String(),
  state: JobStateSchema,
  externalId: Nullable(Type.String({ description: 'The executor’s own id, e.g. the Slurm job id' })),
  owner: Type.String(),
  team: Nullable(Type.String()),
  labels: Type.Record(Type.String(), Type.String()),
  spec: JobSpec,
  exitCode: Nullable(Type.Integer()),
  explanation: Nullable(Type.String({ description: 'Why the job ended, in plain words' })),
  rawState: Nullable(Type.String()),
  node: Nullable(Type.String()),
  submittedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  durationSeconds: Nullable(Type.Number()),
  statusAt: Nullable(Type.String({ description: 'When the executor last confirmed this state' })),
  stale: Type.Boolean({
    description: 'True while the executor cannot be reached: the state is as of statusAt',
  }),
  tasks: Nullable(Type.Array(TaskView)),
  usage: Nullable(Type.Unknown()),
  cancelledBy: Nullable(Type.String()),
});
export type Job = Type.Static<typeof Job>;

export const JobDetail = Type.Object({
  ...Job.properties,
  script: Nullable(Type.String({ description: 'The script the executor runs (generated from the spec)' })),
});

export const JobListQuery = Type.Object({
  ...PageQuery.properties,
  scope: Type.Optional(
    Type.Union([Type.Literal('mine'), Type.Literal('team'), Type.Literal('all')], {
      description: 'mine (default), my teams, or all (Keepers)',
    }),
  ),
  state: Type.Optional(JobStateSchema),
  executor: Type.Optional(Type.String({ maxLength: 63 })),
  label: Type.Optional(Type.String({ maxLength: 300, pattern: '^[^=]+=.*$', description: 'key=value' })),
  team: Type.Optional(Type.String({ maxLength: 63 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'text in the job name' })),
});
export const JobPage = Page(Job);

export const LogQuery = Type.Object({
  stream: Type.Optional(Type.Union([Type.Literal('stdout'), Type.Literal('stderr')], { default: 'stdout' })),
  task: Type.Optional(Type.Integer({ minimum: 0, description: 'array task index' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'byte offset to read from' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_048_576, default: 65_536 })),
});
export const LogChunk = Type.Object({
  text: Type.String(),
  offset: Type.Integer({ description: 'byte offset of this text' }),
  nextOffset: Type.Integer({ description: 'where to read next' }),
  complete: Type.Boolean({ description: 'true when the job has ended and nothing more will come' }),
});

export const ExecutorInfo = Type.Object({
  name: Type.String(),
  description: Type.String(),
  default: Type.Boolean(),
  capabilities: Type.Record(Type.String(), Type.Unknown()),
});
export const ExecutorList = Type.Object({
  items: Type.Array(ExecutorInfo),
  /** Executors offered to the caller's teams that only Keepers may use on this server, and why. */
  closed: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
});

export const PartitionView = Type.Object({
  name: Type.String(),
  isDefault: Type.Boolean(),
  state: Type.String(),
  maxTimeMinutes: Nullable(Type.Integer()),
  defaultTimeMinutes: Nullable(Type.Integer()),
  nodes: Type.Integer(),
  totalCpus: Type.Integer(),
  maxCpusPerNode: Type.Integer(),
  maxMemoryMbPerNode: Type.Integer(),
  maxMemoryMbPerCpu: Nullable(Type.Integer()),
  defaultMemoryMbPerCpu: Nullable(Type.Integer()),
  gpus: Type.Array(Type.Object({ type: Nullable(Type.String()), maxPerNode: Type.Integer() })),
});
export const PartitionList = Type.Object({ items: Type.Array(PartitionView) });
