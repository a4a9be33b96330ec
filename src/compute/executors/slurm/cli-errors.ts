/**
 * The Slurm client's own errors. The executor translates them into Plinth's codes; none of them
 * reaches a route as such.
 */

/** Slurm did not answer: the controller is down or unreachable, or slower than the timeout. */
export class SlurmUnavailableError extends Error {
  override readonly name = 'SlurmUnavailableError';
}

/** Slurm answered and refused the request; the message is Slurm's own, fit for the user. */
export class SlurmRefusedError extends Error {
  override readonly name = 'SlurmRefusedError';
}

/** A Slurm command failed in some other way (an unexpected exit code or output). */
export class SlurmCommandError extends Error {
  override readonly name = 'SlurmCommandError';
}

// What Slurm's clients print when they cannot talk to the controller (or to munge, or slurmdbd).
const UNREACHABLE = [
  /Unable to contact slurm controller/i,
  /Socket timed out on send\/recv/i,
  /Connection refused/i,
  /Zero Bytes were transmitted or received/i,
  /Communication connection failure/i,
  /Munge (?:encode|decode) failed/i,
  /Protocol authentication error/i,
  /Unable to establish (?:a )?connection/i,
  /failed to open persistent connection/i,
  /Could not establish a configuration source/i,
  /slurm_load_ctl_conf/i,
  /Slurm backup controller in standby mode/i,
];

/** Whether a Slurm client's stderr says that Slurm is unreachable (rather than that it said no). */
export function isUnreachable(stderr: string): boolean {
  return UNREACHABLE.some((pattern) => pattern.test(stderr));
}

/** The first meaningful line of a Slurm client's stderr, without the `sbatch: error:` prefix. */
export function firstError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^\s*\w+: (?:error|fatal): /, '').trim())
    .filter(Boolean);
  return lines[0] ?? '';
}
