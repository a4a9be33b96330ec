/** Which kind of source a new location reads. */
export type SourceKind = 'git' | 'folder';

// Mirrors CreateLocationBody.name in src/catalog/schemas.ts so the rule shows while typing.
const namePattern = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** Checks a location name as the server will. */
export function checkLocationName(value: string): string | null {
  if (!value) return 'Give the location a short name';
  if (!/^[a-z]/.test(value)) return 'Start with a lower-case letter';
  return namePattern.test(value)
    ? null
    : 'Use 2-63 lower-case letters, digits and dashes; end with a letter or digit';
}

/** Checks a git URL or a server folder; the server also checks that a folder exists. */
export function checkTarget(value: string, source: SourceKind): string | null {
  const text = value.trim();
  if (source === 'git') {
    if (!text) return 'Paste the clone URL of the repository';
    if (/^(https?|ssh|file):\/\/\S+$/.test(text) || /^[\w.-]+@[\w.-]+:\S+$/.test(text)) return null;
    return 'Use a clone URL: https://…, ssh://…, git@host:org/repo.git or file:///…';
  }
  if (!text) return 'Give the folder on the server';
  return text.startsWith('/') ? null : 'Give an absolute path on the server, starting with /';
}

/** Checks the sub-folder: relative, and never climbing out of the repository. */
export function checkSubFolder(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.startsWith('/')) return 'Give it relative to the repository root, e.g. catalog';
  return text.split('/').includes('..') ? 'It cannot leave the repository (no ..)' : null;
}

/** Suggests a name from a URL or folder: `https://git.example.org/lab/catalog-info.git` → `catalog-info`. */
export function suggestName(target: string): string {
  const last =
    target
      .trim()
      .replace(/\.git$/, '')
      .replace(/\/+$/, '')
      .split(/[/:]/)
      .pop() ?? '';
  return last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 63);
}
