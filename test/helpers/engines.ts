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

/**
 * The OS user local jobs run as in the tests, in a bubblewrap sandbox (`.ci/run` creates it and
 * sets PLINTH_TEST_RUN_AS); unset on a laptop, where members' jobs run unisolated instead.
 */
export const testJobUser = process.env.PLINTH_TEST_RUN_AS || undefined;

/**
 * Settings of the local executor for a test server: isolated where the machine allows it. A key
 * given as undefined is left out (`{ runAs: undefined }`: the default install, jobs unisolated).
 */
export function testLocalExecutor(settings: Record<string, unknown> = {}): Record<string, unknown> {
  const merged = { ...(testJobUser ? { runAs: testJobUser } : { trustMembers: true }), ...settings };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}
