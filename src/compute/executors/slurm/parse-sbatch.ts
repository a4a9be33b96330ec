/** The job id `sbatch --parsable` prints (`123`, or `123;cluster` on a federation); null otherwise. */
export function parseSbatchId(stdout: string): string | null {
  const first = stdout.split('\n').find((l) => l.trim() !== '') ?? '';
  const match = /^\s*(\d+)(?:;[\w.-]+)?\s*$/.exec(first);
  return match ? (match[1] as string) : null;
}

/**
 * Why sbatch refused a job, from its stderr, in Slurm's words without the noise:
 * `sbatch: error: invalid partition specified: nope` + `Batch job submission failed: Invalid
 * partition name specified` → `invalid partition specified: nope (Invalid partition name specified)`.
 */
export function sbatchRefusal(stderr: string): string {
  const messages = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^sbatch: (?:error|fatal):/.test(l))
    .map((l) => l.replace(/^sbatch: (?:error|fatal):\s*/, ''));
  const failed = messages.find((m) => m.startsWith('Batch job submission failed:'));
  const reason = failed?.replace('Batch job submission failed:', '').trim();
  const details = messages.filter((m) => m !== failed && m !== '');
  if (details.length && reason) return `${details.join('; ')} (${reason})`;
  if (reason) return reason;
  if (details.length) return details.join('; ');
  const other = stderr
    .trim()
    .split('\n')
    .find((l) => l.trim() !== '');
  return other ? other.trim().slice(0, 500) : 'sbatch refused the job without saying why';
}
