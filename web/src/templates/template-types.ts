// The scaffolder's contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type {
  CheckResult as CheckResultSchema,
  DryRunResult as DryRunSchema,
  OutputLink as OutputLinkSchema,
  StepView as StepViewSchema,
  TaskLogLine as TaskLogLineSchema,
  Task as TaskSchema,
  TemplateDetail as TemplateDetailSchema,
  TemplateList as TemplateListSchema,
  TemplateSummary as TemplateSummarySchema,
} from '../../../src/scaffolder/schemas.js';

export type TemplateSummary = Type.Static<typeof TemplateSummarySchema>;
export type TemplateList = Type.Static<typeof TemplateListSchema>;
export type TemplateDetail = Type.Static<typeof TemplateDetailSchema>;
export type DryRun = Type.Static<typeof DryRunSchema>;
export type Task = Type.Static<typeof TaskSchema>;
export type TaskState = Task['state'];
export type StepView = Type.Static<typeof StepViewSchema>;
export type StepState = StepView['state'];
export type CheckResult = Type.Static<typeof CheckResultSchema>;
export type OutputLink = Type.Static<typeof OutputLinkSchema>;
export type TaskLogLine = Type.Static<typeof TaskLogLineSchema>;
/** One page of a template's form: a JSON Schema object with `ui:` hints. */
export type ParameterPage = Record<string, unknown>;
