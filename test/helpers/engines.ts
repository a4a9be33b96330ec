/**
 * Gate for suites that need an engine (PostgreSQL, chromium, Slurm...).
 * On a laptop without the engine the suite is skipped with a loud message;
 * in CI (`CI=true`) a missing engine fails the run instead, so nothing is silently untested.
 */
export function engineAvailable(engine: string, available: boolean, hint: string): boolean {
  if (available) return true;
  const message = `${engine} is not available: ${hint}`;
  if (process.env.CI === 'true') {
    throw new Error(`${message} (CI=true: a missing engine is a failure, not a skip)`);
  }
  process.stderr.write(`\n\u001b[33m!!! SKIPPING ${engine} tests — ${message}\u001b[0m\n\n`);
  return false;
}

/** URL of the throwaway PostgreSQL that .ci/run (or scripts/pg-up.sh) starts; unset when there is none. */
export const testPostgresUrl = process.env.PLINTH_TEST_DATABASE_URL;

/** Path of the chromium binary the browser tests drive. */
export const chromiumPath = process.env.PLINTH_TEST_CHROMIUM ?? '/usr/bin/chromium';
