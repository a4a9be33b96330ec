/** The scaffolder's API shapes as the CLI reads them. */
export interface TemplateSummary {
  ref: string;
  namespace: string;
  name: string;
  title: string;
  description: string | null;
  type: string;
  owner: string | null;
  tags: string[];
}

export interface TemplateDetail extends TemplateSummary {
  parameters: Record<string, unknown>[];
  steps: { id: string; name: string; action: string }[];
}

export interface StepView {
  id: string;
  name: string;
  action: string;
  state: string;
  error: string | null;
  note: string | null;
}

export interface CheckResult {
  name: string;
  title: string;
  blocking: boolean;
  passed: boolean;
  findings: { file: string | null; line: number | null; message: string }[];
}

export interface OutputLink {
  title: string;
  url: string | null;
  entityRef: string | null;
}

export interface DryRun {
  files: { path: string; size: number; binary: boolean; content: string | null }[];
  steps: StepView[];
  checks: CheckResult[];
  output: OutputLink[];
  totalBytes: number;
  ms: number;
}

export interface Task {
  id: string;
  templateRef: string;
  templateTitle: string;
  owner: string;
  state: string;
  attempt: number;
  steps: StepView[];
  checks: CheckResult[];
  output: OutputLink[];
  error: { code: string; message: string } | null;
  createdAt: string;
  endedAt: string | null;
}

/** `template:default/x`, `default/x` or `x` → the API path of the template. */
export function templatePath(ref: string): string {
  const bare = ref.replace(/^template:/i, '');
  const [namespace, name] = bare.includes('/') ? bare.split('/', 2) : ['default', bare];
  return `/api/templates/${encodeURIComponent(namespace ?? 'default')}/${encodeURIComponent(name ?? '')}`;
}
