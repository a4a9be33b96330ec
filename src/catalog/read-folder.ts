import {
  ConfinedFolder,
  type FoundLink,
  LinkRefused,
  linkMessage,
  type WalkedFile,
} from '../core/confined-folder.js';
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
 * `node_modules` are skipped. Symbolic links are never followed (they may lead out of the folder
 * or loop): each one is a CATALOG_SYMLINK problem, an error when it leads out of the confined root.
 * Reaching a limit is a problem, not an exception; a missing `root` or an unreadable file throws.
 * @example const { files, problems } = await readCatalogFolder('examples/platform/catalog');
 */
export async function readCatalogFolder(
  root: string | ConfinedFolder,
  limits: Partial<FolderLimits> = {},
): Promise<FolderContents> {
  const max = { ...DEFAULT_FOLDER_LIMITS, ...limits };
  const folder = typeof root === 'string' ? await ConfinedFolder.open(root) : root;
  const listing = await folder.walk({
    skipFolder: (name) => SKIPPED_FOLDERS.has(name),
    includeFile: (name) => YAML_FILE.test(name),
  });
  // A link inside a template's skeleton is the template's business: it is refused when the template runs.
  const kept = new Set<{ path: string }>(withoutTemplateSkeletons([...listing.files, ...listing.links]));
  const found = listing.files.filter((file) => kept.has(file));
  const problems: CatalogProblem[] = listing.links
    .filter((link) => kept.has(link))
    .map((link) => symlinkProblem(link, 'folder'));
  if (found.length > max.maxFiles) {
    const message = `the folder holds ${found.length.toLocaleString('en-US')} YAML files, more than the limit of ${max.maxFiles.toLocaleString('en-US')}; only the first ones are read`;
    problems.push(folderProblem(found[max.maxFiles]?.path ?? '.', 'CATALOG_FOLDER_LIMIT', message));
  }
  const chosen = chooseWithinBudget(found.slice(0, max.maxFiles), max, problems);
  const files: CatalogFile[] = [];
  for (let i = 0; i < chosen.length; i += CONCURRENCY) {
    const batch = chosen.slice(i, i + CONCURRENCY);
    const texts = await Promise.all(batch.map((file) => readConfined(folder, file.path, problems)));
    batch.forEach((file, index) => {
      const text = texts[index];
      if (text !== null && text !== undefined) files.push({ path: file.path, text });
    });
  }
  return { files, problems };
}

/** The text of a file, or null when it became a link after it was listed (then a problem says so). */
async function readConfined(
  folder: ConfinedFolder,
  path: string,
  problems: CatalogProblem[],
): Promise<string | null> {
  try {
    return (await folder.read(path)).toString('utf8');
  } catch (error) {
    if (!(error instanceof LinkRefused)) throw error;
    problems.push(symlinkProblem(error.link, 'folder'));
    return null;
  }
}

/** A link a reader did not follow, as a problem at the link; `root` names what it would leave. */
export function symlinkProblem(link: FoundLink, root: string): CatalogProblem {
  return {
    file: link.path,
    line: 1,
    column: 1,
    code: 'CATALOG_SYMLINK',
    severity: link.outside ? 'error' : 'warning',
    message: linkMessage(link, root),
  };
}

/** Files over the size limit are not read; once the total budget is spent, nothing more is. */
function chooseWithinBudget(
  found: WalkedFile[],
  max: FolderLimits,
  problems: CatalogProblem[],
): WalkedFile[] {
  const chosen: WalkedFile[] = [];
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
