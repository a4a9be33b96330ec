import type { ExternalStatus, JobState } from './extension.js';

/**
 * Why a job ended, in plain words, for any executor. Executors that know more (Slurm's
 * OUT_OF_MEMORY, a node failure) give their own explanation, which wins.
 */
export function explainEnd(
  state: JobState,
  status: Partial<ExternalStatus>,
  cancelledBy: string | null,
  timeLimit?: string,
) {
  switch (state) {
    case 'succeeded':
      return 'Finished successfully (exit code 0).';
    case 'failed':
      if (status.exitCode !== null && status.exitCode !== undefined) {
        return `Exited with code ${status.exitCode}: the program reported an error. Its last output lines are in the log (stderr).`;
      }
      return status.signal ? `Stopped by signal ${status.signal}.` : 'Failed.';
    case 'cancelled':
      return cancelledBy ? `Cancelled by ${cancelledBy}.` : 'Cancelled.';
    case 'timeout':
      return `Hit its time limit${timeLimit ? ` of ${timeLimit}` : ''} and was stopped. Ask for more time, or save progress regularly so a new job can resume.`;
    case 'lost':
      return 'The executor no longer knows this job (it may have been removed, or the machine restarted). Submit it again.';
    default:
      return null;
  }
}
