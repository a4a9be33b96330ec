/** Row shape of the jobs table. JSON columns hold text; timestamps are ISO-8601 UTC. */
export interface JobsTable {
  id: string;
  name: string;
  executor: string;
  state: string;
  /** The executor's id once submitted (Slurm job id...). */
  external_id: string | null;
  owner_id: string;
  owner: string;
  team: string | null;
  /** The spec as submitted (env values of secrets are references, never values). */
  spec: string;
  labels: string;
  script: string | null;
  output_dir: string;
  stdout_path: string | null;
  stderr_path: string | null;
  exit_code: number | null;
  signal: number | null;
  raw_state: string | null;
  reason: string | null;
  /** Why it ended, in plain words. */
  explanation: string | null;
  node: string | null;
  /** Array tasks as JSON (index, state, exit code...), null for a single job. */
  tasks: string | null;
  usage: string | null;
  submitted_at: string;
  started_at: string | null;
  ended_at: string | null;
  updated_at: string;
  /** When the executor last confirmed this state. */
  status_at: string | null;
  /** 1 while the executor cannot be asked: the state shown is "as of status_at". */
  stale: number;
  /** Consecutive polls in which the executor did not know the job. */
  missing_polls: number;
  cancelled_by: string | null;
}

export interface ComputeTables {
  jobs: JobsTable;
}
