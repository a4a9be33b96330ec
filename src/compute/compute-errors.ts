import { defineErrors } from '../core/errors.js';

export const computeErrors = defineErrors({
  COMPUTE_JOB_NOT_FOUND: { status: 404, message: "No job '%s' that you may see" },
  COMPUTE_INVALID_SPEC: { status: 400, message: '%s' },
  COMPUTE_EXECUTOR_UNKNOWN: { status: 400, message: "executor: '%s' is not offered here; available: %s" },
  COMPUTE_EXECUTOR_UNAVAILABLE: {
    status: 503,
    message: 'The %s executor does not answer (%s); the job was not submitted, try again later',
  },
  COMPUTE_EXECUTOR_NOT_ALLOWED: {
    status: 403,
    message: "executor: '%s' is offered to the teams %s; a job of %s may not use it",
  },
  COMPUTE_EXECUTOR_KEEPERS_ONLY: {
    status: 403,
    message: "executor: '%s' is for Keepers only on this server. %s",
  },
  COMPUTE_PARTITION_NOT_ALLOWED: {
    status: 403,
    message: "partition: '%s' is not one of team %s's partitions (%s)",
  },
  COMPUTE_TEAM_NOT_YOURS: { status: 403, message: "team: you are not a member of '%s'" },
  COMPUTE_QUOTA_EXCEEDED: {
    status: 429,
    message: "Team '%s' already has %d active jobs, its limit; wait for some to end or cancel some",
  },
  COMPUTE_SECRETS_UNAVAILABLE: {
    status: 400,
    message: 'env.%s: secret references need the team vault, which is not set up on this server',
  },
  COMPUTE_SWEEP_NOT_FOUND: { status: 404, message: "No sweep '%s' that you may see" },
  COMPUTE_SWEEP_ENDED: { status: 409, message: "Sweep '%s' is no longer running (%s)" },
  COMPUTE_JOB_FINISHED: { status: 409, message: "Job '%s' has already ended (%s)" },
});

/**
 * A spec problem, with the field as structured details (`[{ field, message }]`, like
 * VALIDATION_FAILED) when the message starts with it ("array: '9-0' ends before it starts").
 */
export function invalidSpec(message: string, cause?: unknown) {
  const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(message);
  const details = match ? [{ field: match[1], message: match[2] }] : undefined;
  return computeErrors.COMPUTE_INVALID_SPEC.create([message], { details, cause });
}
