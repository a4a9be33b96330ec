import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { withoutTemplateSkeletons } from './kinds/template-skeleton.js';
import type { CatalogProblem } from './model.js';
import { DEFAULT_PARSE_LIMITS } from './parse-yaml.js';
import type { CatalogFile } from './validate-revision.js';

/** How much one folder may hold. */
export interface FolderLimits {
  /** Most YAML files read. */
  maxFiles: number;
  /** Most bytes read in all. */
  maxTotalBytes: number;
  /** Largest single file; a larger one is not read (and gets a problem). */
  maxFileBytes: number;
}

/** The limits used when none are given. */
export const DEFAULT_FOLDER_LIMITS: Readonly<FolderLimits> = Object.freeze({
  maxFiles: 100_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: DEFAULT_PARSE_LIMITS.maxFileBytes,
});

/** The YAML files of a folder, and the problems met while reading it. */
export interface FolderContents {
  files: CatalogFile[];
  problems: CatalogProblem[];
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/i;
// Reading a few files at once keeps the disk busy without holding many files in memory.
const CONCURRENCY = 16;

/**
 * Reads every `*.yaml` and `*.yml` file under `root`, recursively, in a stable order (by path,
 * code point by code point), with paths relative to `root` and forward slashes. `.git` and
 * `node_modules` are skipped, and so are symbolic links (they may point outside the folder or
 * loop). Reaching a limit is a problem, not an exception; a missing `root` or an unreadable file throws.
 * @example const { files, problems } = await readCatalogFolder('examples/platform/catalog');
 */
export async function readCatalogFolder(
  root: string,
  limits: Partial<FolderLimits> = {},
): Promise<FolderContents> {
  const max = { ...DEFAULT_FOLDER_LIMITS, ...limits };
  const problems: CatalogProblem[] = [];
  const found = withoutTemplateSkeletons(await listYamlFiles(root));
  if (found.length > max.maxFiles) {
    const message = `the folder holds ${found.length.toLocaleString('en-US')} YAML files, more than the limit of ${max.maxFiles.toLocaleString('en-US')}; only the first ones are read`;
    problems.push(folderProblem(found[max.maxFiles]?.path ?? '.', 'CATALOG_FOLDER_LIMIT', message));
  }
  const chosen = chooseWithinBudget(found.slice(0, max.maxFiles), max, problems);
  const files: CatalogFile[] = [];
  for (let i = 0; i < chosen.length; i += CONCURRENCY) {
    const batch = chosen.slice(i, i + CONCURRENCY);
    const texts = await Promise.all(batch.map((file) => readFile(join(root, file.path), 'utf8')));
    files.push(...batch.map((file, index) => ({ path: file.path, text: texts[index] ?? '' })));
  }
  return { files, problems };
}

interface Found {
  path: string;
  size: number;
}

async function listYamlFiles(root: string): Promise<Found[]> {
  const found: Found[] = [];
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) {
        found.push({ path: relative(root, path).split(sep).join('/'), size: (await lstat(path)).size });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files over the size limit are not read; once the total budget is spent, nothing more is. */
function chooseWithinBudget(found: Found[], max: FolderLimits, problems: CatalogProblem[]): Found[] {
  const chosen: Found[] = [];
  let total = 0;
  for (const file of found) {
    if (file.size > max.maxFileBytes) {
      const message = `the file is ${mib(file.size)}, more than the limit of ${mib(max.maxFileBytes)}; split it into several files`;
      problems.push(folderProblem(file.path, 'CATALOG_YAML_LIMIT', message));
      continue;
    }
    if (total + file.size > max.maxTotalBytes) {
      const message = `the YAML files of this folder hold more than ${mib(max.maxTotalBytes)}; this file and the ones after it are not read`;
      problems.push(folderProblem(file.path, 'CATALOG_FOLDER_LIMIT', message));
      break;
    }
    total += file.size;
    chosen.push(file);
  }
  return chosen;
}

function folderProblem(
  file: string,
  code: 'CATALOG_FOLDER_LIMIT' | 'CATALOG_YAML_LIMIT',
  message: string,
): CatalogProblem {
  return { file, line: 1, column: 1, code, severity: 'error', message };
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
