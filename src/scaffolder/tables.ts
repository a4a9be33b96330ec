/** Row shapes of the scaffolder's tables. JSON columns hold text; timestamps are ISO-8601 UTC. */
export interface ScaffolderTasksTable {
  id: string;
  template_ref: string;
  template_title: string;
  owner_id: string;
  owner: string;
  /** queued | running | succeeded | failed */
  state: string;
  attempt: number;
  parameters: string;
  /** StepView[] */
  steps: string;
  /** CheckResult[] */
  checks: string;
  /** OutputLink[] */
  output: string;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  updated_at: string;
}

export interface ScaffolderTaskLogsTable {
  task_id: string;
  seq: number;
  at: string;
  step_id: string | null;
  level: string;
  message: string;
}

export interface ScaffolderTables {
  scaffolder_tasks: ScaffolderTasksTable;
  scaffolder_task_logs: ScaffolderTaskLogsTable;
}
