import { Type } from 'typebox';
import { Page, PageQuery } from '../../core/schemas.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SWEEP_STATES = ['running', 'stopping', 'succeeded', 'stopped', 'failed'] as const;

export const Sweep = Type.Object({
  id: Type.String(),
  name: Type.String(),
  owner: Type.String(),
  team: Nullable(Type.String()),
  state: Type.Enum(SWEEP_STATES),
  reason: Nullable(Type.String({ description: 'Why it ended (or is stopping), in plain words' })),
  spec: Type.Unknown({ description: 'The sweep spec as submitted' }),
  seed: Type.Integer(),
  trialCount: Type.Integer({ description: 'Trials started so far' }),
  best: Nullable(Type.Object({ trial: Type.Integer(), value: Nullable(Type.Number()) })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  endedAt: Nullable(Type.String()),
});

export const Trial = Type.Object({
  number: Type.Integer(),
  params: Type.Record(Type.String(), Type.Unknown()),
  state: Type.String({
    description: 'submitting, refused, a job state (pending…lost), pruning, or pruned (stopped early)',
  }),
  jobId: Nullable(Type.String()),
  task: Nullable(
    Type.Integer({ description: 'Its task in the job when a batch of trials ran as one array job' }),
  ),
  value: Nullable(Type.Number({ description: "The objective's last reported value" })),
  intermediate: Type.Array(Type.Array(Type.Number()), { description: '[step, value] of the objective' }),
  metrics: Type.Record(Type.String(), Type.Number()),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  endedAt: Nullable(Type.String()),
});

export const SweepDetail = Type.Object({ ...Sweep.properties, trials: Type.Array(Trial) });

export const SweepListQuery = Type.Object({
  ...PageQuery.properties,
  scope: Type.Optional(
    Type.Union([Type.Literal('mine'), Type.Literal('team'), Type.Literal('all')], {
      description: 'mine (default), my teams, or all (Keepers)',
    }),
  ),
  state: Type.Optional(Type.Enum(SWEEP_STATES)),
});
export const SweepPage = Page(Sweep);
