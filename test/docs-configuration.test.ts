import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ConfigSchema, configKeys } from '../src/core/config/index.js';

const doc = readFileSync(new URL('../docs/reference/configuration.md', import.meta.url), 'utf8');

test('the configuration reference lists every setting with its variable and default, and no other', () => {
  const rows = [...doc.matchAll(/^\| `([\w.]+)` \| `(PLINTH_[A-Z_]+)` \| (.+?) \|/gm)].map((m) => ({
    key: m[1],
    env: m[2],
    defaultValue: m[3] === '—' ? undefined : m[3]?.replaceAll('`', ''),
  }));
  const expected = configKeys(ConfigSchema).map((k) => {
    const fallback = (k.schema as { default?: unknown }).default;
    return {
      key: k.path.join('.'),
      env: k.envName,
      defaultValue:
        fallback === undefined
          ? undefined
          : typeof fallback === 'object'
            ? JSON.stringify(fallback)
            : String(fallback),
    };
  });
  expect(rows).toEqual(expected);
});

test('the configuration reference lists every setting read from a file with its _FILE variable', () => {
  const section = doc.slice(doc.indexOf('## Secrets from files'));
  const rows = [...section.matchAll(/^\| `([\w.]+)` \| `(PLINTH_[A-Z_]+_FILE)`/gm)].map((m) => [m[1], m[2]]);
  const expected = configKeys(ConfigSchema)
    .filter((k) => (k.schema as { secret?: boolean }).secret === true)
    .map((k) => [k.path.join('.'), `${k.envName}_FILE`]);
  expect(rows).toEqual(expected);
});
