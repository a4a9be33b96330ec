import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Plinth's own folders and files, which no job may see: the data dir, the platform checkout, the
 * config file and every secret given as a file (`PLINTH_*_FILE`).
 */
export function protectedPaths(dataDir: string, platformFolder: string, env = process.env): string[] {
  const configFile = env.PLINTH_CONFIG ?? 'plinth.yaml';
  const secretFiles = Object.entries(env)
    .filter(([name, value]) => /^PLINTH_\w+_FILE$/.test(name) && value)
    .map(([, value]) => value as string);
  return [dataDir, platformFolder, configFile, ...secretFiles]
    .map((path) => resolve(path))
    .filter((path, i, all) => all.indexOf(path) === i && existsSync(path));
}
