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

describe('secrets from files (PLINTH_*_FILE)', () => {
  const secretFile = (content: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'plinth-secret-'));
    made.push(dir);
    const file = join(dir, 'secret');
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  };
  const KEY = 'k'.repeat(40);

  test('a secret setting is read from the file its _FILE variable names, the trailing newline removed', () => {
    const env = {
      PLINTH_SECRET_KEY_FILE: secretFile(`${KEY}\n`),
      PLINTH_ADMIN_PASSWORD_FILE: secretFile('Admin-password-1234\r\n'),
      PLINTH_DATABASE_URL_FILE: secretFile('postgres://plinth:pw@db:5432/plinth\n'),
      PLINTH_NOTIFICATIONS_EMAIL_PASSWORD_FILE: secretFile('smtp pass with spaces '),
      PLINTH_SERVICES_VAULT_RETIRED_KEYS_FILE: secretFile(`["${'A'.repeat(43)}="]\n`),
    };
    const { config, warnings } = loadConfig({ env, cwd: tmpdir() });
    expect(config.secretKey).toBe(KEY);
    expect(config.adminPassword).toBe('Admin-password-1234');
    expect(config.databaseUrl).toBe('postgres://plinth:pw@db:5432/plinth');
    expect(config.notifications.email.password).toBe('smtp pass with spaces ');
    expect(config.services.vault.retiredKeys).toEqual([`${'A'.repeat(43)}=`]);
    expect(warnings).toEqual([]);
  });

  test('exactly the settings that hold secrets accept _FILE', () => {
    const secret = configKeys(ConfigSchema)
      .filter((k) => (k.schema as { secret?: boolean }).secret === true)
      .map((k) => k.path.join('.'));
    expect(secret).toEqual([
      'databaseUrl',
      'adminPassword',
      'secretKey',
      'server.metricsToken',
      'catalog.webhookSecret',
      'compute.executors',
      'services.vault.key',
      'services.vault.retiredKeys',
      'scaffolder.remotes',
      'notifications.email.password',
      'notifications.webhooks.endpoints',
    ]);
  });

  test('an unreadable file is a configuration error that names the variable and the path', () => {
    const missing = join(tmpdir(), 'plinth-no-such-secret');
    expect(problemsOf(() => loadConfig({ env: { PLINTH_SECRET_KEY_FILE: missing }, cwd: tmpdir() }))).toEqual(
      [`secretKey: PLINTH_SECRET_KEY_FILE: cannot read ${missing}: no such file`],
    );
    const folder = mkdtempSync(join(tmpdir(), 'plinth-secret-dir-'));
    made.push(folder);
    expect(
      problemsOf(() => loadConfig({ env: { PLINTH_CATALOG_WEBHOOK_SECRET_FILE: folder }, cwd: tmpdir() })),
    ).toEqual([
      `catalog.webhookSecret: PLINTH_CATALOG_WEBHOOK_SECRET_FILE: cannot read ${folder}: it is a folder, not a file`,
    ]);
    const empty = secretFile('\n');
    expect(problemsOf(() => loadConfig({ env: { PLINTH_SECRET_KEY_FILE: empty }, cwd: tmpdir() }))).toEqual([
      `secretKey: PLINTH_SECRET_KEY_FILE: ${empty} is empty`,
    ]);
    const binary = secretFile(Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(problemsOf(() => loadConfig({ env: { PLINTH_SECRET_KEY_FILE: binary }, cwd: tmpdir() }))).toEqual([
      `secretKey: PLINTH_SECRET_KEY_FILE: ${binary} is not UTF-8 text`,
    ]);
  });

  test('setting both the variable and its _FILE is an error', () => {
    const env = { PLINTH_SECRET_KEY: KEY, PLINTH_SECRET_KEY_FILE: secretFile(KEY) };
    expect(problemsOf(() => loadConfig({ env, cwd: tmpdir() }))).toEqual([
      'secretKey: PLINTH_SECRET_KEY and PLINTH_SECRET_KEY_FILE are both set; set only one of them',
    ]);
  });

  test('a bad value from a file is named by its variable and never shown', () => {
    const value = 'too-short-but-secret';
    const problems = problemsOf(() =>
      loadConfig({ env: { PLINTH_SECRET_KEY_FILE: secretFile(value) }, cwd: tmpdir() }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^secretKey: .* \(from PLINTH_SECRET_KEY_FILE\)$/);
    expect(problems.join('\n')).not.toContain(value);
  });

  test('_FILE of a setting that is not secret is a warning, not a silent no-op', () => {
    const { config, warnings } = loadConfig({ env: { PLINTH_PORT_FILE: secretFile('9000') }, cwd: tmpdir() });
    expect(config.port).toBe(7007);
    expect(warnings).toEqual([
      'PLINTH_PORT_FILE is ignored: only secret settings are read from a file; set PLINTH_PORT instead',
    ]);
  });

  test('property: any password written to a file comes back as written, less trailing newlines', () => {
    const password = fc
      .string({ unit: 'grapheme', minLength: 10, maxLength: 60 })
      .filter((p) => !/[\r\n]$/.test(p) && [...p].length >= 10);
    fc.assert(
      fc.property(password, fc.constantFrom('', '\n', '\r\n', '\n\n'), (value, ending) => {
        const { config } = loadConfig({
          env: { PLINTH_ADMIN_PASSWORD_FILE: secretFile(value + ending) },
          cwd: tmpdir(),
        });
        expect(config.adminPassword).toBe(value);
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile shapes in the configuration', () => {
  test('a config file nested deeper than the limit is a located problem, not a crash', () => {
    const cwd = yamlFile(`compute:\n  executors: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(problemsOf(() => loadConfig({ env: {}, cwd }))[0]).toMatch(
      /plinth\.yaml:2:\d+: lists and mappings nest deeper than 64 levels$/,
    );
  });

  test('a config file whose alias refers to itself is a problem, not an endless walk', () => {
    const cwd = yamlFile('compute:\n  executors: &loop\n    local: *loop\n');
    expect(problemsOf(() => loadConfig({ env: {}, cwd }))[0]).toMatch(/refers to itself/);
  });

  test('JSON in a variable nested deeper than the limit names the variable', () => {
    const deep = `{"local":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`;
    const [problem] = problemsOf(() =>
      loadConfig({ env: { PLINTH_COMPUTE_EXECUTORS: deep }, cwd: tmpdir() }),
    );
    expect(problem).toMatch(
      /^compute\.executors\.local\.a\.a\.….*deeper than 64 levels \(from PLINTH_COMPUTE_EXECUTORS\)$/,
    );
  });
});
