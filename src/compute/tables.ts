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

/** A sweep: its spec and where it stands. */
export interface SweepsTable {
  id: string;
  name: string;
  owner_id: string;
  owner: string;
  team: string | null;
  spec: string;
  seed: number;
  /** running | stopping | succeeded | stopped | failed */
  state: string;
  /** Why it ended, in plain words. */
  reason: string | null;
  trial_count: number;
  best_trial: number | null;
  best_value: number | null;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

/** One trial of a sweep: its parameters, its job, what it reported. */
export interface SweepTrialsTable {
  sweep_id: string;
  number: number;
  params: string;
  /** submitting until its job exists; then the job's state, or pruned when stopped early. */
  state: string;
  job_id: string | null;
  /** Its task in the job when a batch of trials ran as one array job; null for a job of its own. */
  task: number | null;
  /** The objective's last reported value. */
  value: number | null;
  /** JSON [[step, value], ...] of the objective. */
  intermediate: string;
  /** JSON: the last value of every metric it reported. */
  metrics: string;
  /** Bytes of its stdout already read for metric lines. */
  log_offset: number;
  /** Why it could not run (its job was refused), in plain words. */
  error: string | null;
  created_at: string;
  ended_at: string | null;
}

export interface ComputeTables {
  sweeps: SweepsTable;
  sweep_trials: SweepTrialsTable;
  jobs: JobsTable;
}
