#!/usr/bin/env node
// The CLI is compiled to dist/; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('plinth: not built yet. Run `npm run build` in the Plinth folder first.\n');
  process.exit(70);
}
await import(entry.href);
