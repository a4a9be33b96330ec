import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigError, ConfigSchema, configKeys, loadConfig } from './index.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const yamlFile = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'plinth-config-'));
  made.push(dir);
  writeFileSync(join(dir, 'plinth.yaml'), text);
  return dir;
};

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  test('defaults need nothing', () => {
    const { config } = loadConfig({ env: {}, cwd: tmpdir() });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 7007, dataDir: './data', adminUser: 'admin' });
    expect(config.databaseUrl).toBeUndefined();
  });

  test('environment beats the file, overrides beat both', () => {
    const cwd = yamlFile('port: 8000\nhost: 0.0.0.0\nauth:\n  sessionTtlHours: 12\n');
    const { config } = loadConfig({ cwd, env: { PLINTH_PORT: '9000', PLINTH_AUTH_SESSION_TTL_HOURS: '24' } });
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', auth: { sessionTtlHours: 24 } });
    expect(loadConfig({ cwd, env: { PLINTH_PORT: '9000' }, overrides: { port: 1234 } }).config.port).toBe(
      1234,
    );
  });

  test('a bad environment value names the variable', () => {
    expect(problemsOf(() => loadConfig({ env: { PLINTH_PORT: 'seventy' }, cwd: tmpdir() }))).toEqual([
      'port: must be integer (from PLINTH_PORT)',
    ]);
  });

  test('a bad file value names the file and line', () => {
    const cwd = yamlFile('host: localhost\nlogLevel: chatty\n');
    const [problem] = problemsOf(() => loadConfig({ env: {}, cwd }));
    expect(problem).toMatch(/^logLevel: must be one of fatal, .*\(from .*plinth\.yaml:2\)$/);
  });

  test('an unknown key in the file is refused with its line', () => {
    const cwd = yamlFile('port: 7007\nprot: 7008\n');
    expect(problemsOf(() => loadConfig({ env: {}, cwd }))[0]).toMatch(
      /^prot: unknown setting \(in .*plinth\.yaml:2\)$/,
    );
  });

  test('invalid YAML is reported with line and column', () => {
    const cwd = yamlFile('port: [7007\n');
    expect(problemsOf(() => loadConfig({ env: {}, cwd }))[0]).toMatch(/plinth\.yaml:\d+:\d+: /);
  });

  test('an unknown PLINTH_ variable is a warning, not silence', () => {
    const { warnings } = loadConfig({ env: { PLINTH_PROT: '1' }, cwd: tmpdir() });
    expect(warnings).toEqual(['Unknown setting PLINTH_PROT in the environment is ignored']);
  });

  test('the documented settings are exactly the schema keys', () => {
    const names = configKeys(ConfigSchema).map((k) => k.envName);
    expect(names).toContain('PLINTH_DATABASE_URL');
    expect(names).toContain('PLINTH_AUTH_SCRYPT_COST');
    expect(new Set(names).size).toBe(names.length);
  });

  test('property: any environment either loads or fails with located problems, never anything else', () => {
    const keys = configKeys(ConfigSchema).map((k) => k.envName);
    const env = fc.dictionary(fc.constantFrom(...keys, 'PLINTH_OTHER'), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(env, (vars) => {
        try {
          const { config } = loadConfig({ env: vars, cwd: tmpdir() });
          expect(config.port).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          for (const problem of (error as ConfigError).problems)
            expect(problem).toMatch(/\(from PLINTH_[A-Z_]+\)$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: any file text either loads or fails with a ConfigError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const cwd = yamlFile(text);
        try {
          loadConfig({ env: {}, cwd });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
