import { Type } from 'typebox';
import { Page, PageQuery } from '../core/schemas.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const STEP_STATES = ['pending', 'running', 'succeeded', 'failed', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];
export const TASK_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TemplateSummary = Type.Object({
  ref: Type.String({ description: 'template:namespace/name' }),
  namespace: Type.String(),
  name: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  type: Type.String({ description: 'What it makes: project, infrastructure, experiment…' }),
  owner: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
});
export type TemplateSummary = Type.Static<typeof TemplateSummary>;

export const TemplateList = Type.Object({
  items: Type.Array(TemplateSummary),
  facets: Type.Object({
    type: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
    tag: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
  }),
});

export const TemplateListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Text in title, description or tags' })),
  type: Type.Optional(Type.String({ maxLength: 100 })),
  tag: Type.Optional(Type.String({ maxLength: 100 })),
});

export const CheckView = Type.Object({
  name: Type.String(),
  title: Type.String(),
  blocking: Type.Boolean(),
  required: Type.Boolean({
    description: 'Required by the platform for every template (scaffolder.requiredChecks)',
  }),
});

export const TemplateDetail = Type.Object({
  ...TemplateSummary.properties,
  parameters: Type.Array(Type.Unknown(), { description: 'The JSON Schema pages of the form' }),
  steps: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), action: Type.String() })),
  checks: Type.Array(CheckView),
});

export const RunBody = Type.Object({
  parameters: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
});

export const StepView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  action: Type.String(),
  state: Type.Enum(STEP_STATES),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type StepView = Type.Static<typeof StepView>;

export const CheckResult = Type.Object({
  name: Type.String(),
  title: Type.String(),
  blocking: Type.Boolean(),
  passed: Type.Boolean(),
  findings: Type.Array(
    Type.Object({ file: Nullable(Type.String()), line: Nullable(Type.Integer()), message: Type.String() }),
  ),
});
export type CheckResult = Type.Static<typeof CheckResult>;

export const OutputLink = Type.Object({
  title: Type.String(),
  url: Nullable(Type.String()),
  entityRef: Nullable(Type.String()),
  icon: Nullable(Type.String()),
});
export type OutputLink = Type.Static<typeof OutputLink>;

export const DryRunFile = Type.Object({
  path: Type.String(),
  size: Type.Integer(),
  binary: Type.Boolean(),
  content: Nullable(Type.String({ description: 'Text of the file; null for binary or very large files' })),
});

export const DryRunResult = Type.Object({
  files: Type.Array(DryRunFile),
  steps: Type.Array(StepView),
  checks: Type.Array(CheckResult),
  log: Type.Array(Type.String()),
  output: Type.Array(OutputLink),
  totalBytes: Type.Integer(),
  ms: Type.Integer(),
});
export type DryRunResult = Type.Static<typeof DryRunResult>;

export const CreateTaskBody = Type.Object({
  templateRef: Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'template:namespace/name, or namespace/name',
  }),
  parameters: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
});

export const Task = Type.Object({
  id: Type.String(),
  templateRef: Type.String(),
  templateTitle: Type.String(),
  owner: Type.String(),
  state: Type.Enum(TASK_STATES),
  attempt: Type.Integer(),
  parameters: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(StepView),
  checks: Type.Array(CheckResult),
  output: Type.Array(OutputLink),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
});
export type Task = Type.Static<typeof Task>;

export const TaskPage = Page(Task);

export const TaskListQuery = Type.Object({
  ...PageQuery.properties,
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('all')], { default: 'mine' })),
  state: Type.Optional(Type.Enum(TASK_STATES)),
  template: Type.Optional(Type.String({ maxLength: 300 })),
});

export const TaskLogLine = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  stepId: Nullable(Type.String()),
  level: Type.String(),
  message: Type.String(),
});
export type TaskLogLine = Type.Static<typeof TaskLogLine>;

export const TaskLogQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Lines after this seq' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
});

export const TaskLogPage = Type.Object({
  items: Type.Array(TaskLogLine),
  complete: Type.Boolean({ description: 'The task has ended and every line was sent' }),
});

export const ActionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      sideEffects: Type.Boolean(),
      inputSchema: Type.Unknown(),
    }),
  ),
});
