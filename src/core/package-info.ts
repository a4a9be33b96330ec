import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of Plinth not found above the running code');
    dir = parent;
  }
  return dir;
}

/** The Plinth installation folder (holds package.json), whether running from src/ or dist/. */
export const packageRoot = findRoot();

/** Plinth's version, from package.json. */
export const version: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
