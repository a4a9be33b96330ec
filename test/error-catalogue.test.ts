import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { errorCatalogue } from '../src/core/errors.js';
// Loading the server loads every domain, and with them every error code they define.
import '../src/server/index.js';

const documented = new Map(
  [
    ...readFileSync(new URL('../docs/reference/errors.md', import.meta.url), 'utf8').matchAll(
      /^\| `([A-Z_]+)` \| (\d+) \|/gm,
    ),
  ].map((m) => [m[1] as string, Number(m[2])]),
);

test('every error code in the code is documented with its status, and the docs list no other', () => {
  const defined = new Map([...errorCatalogue()].map(([code, def]) => [code, def.status]));
  documented.delete('CONFIG_INVALID');
  expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(defined));
});
