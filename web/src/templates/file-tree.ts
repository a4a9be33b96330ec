/** A row of the dry run's file tree: a folder, or a file with its index in the list. */
export interface TreeRow {
  kind: 'folder' | 'file';
  name: string;
  path: string;
  depth: number;
}

/** The rows of an indented tree for sorted paths: each folder once, before its files. */
export function treeRows(paths: readonly string[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const folder = parts.slice(0, depth + 1).join('/');
      if (!seen.has(folder)) {
        seen.add(folder);
        rows.push({ kind: 'folder', name: parts[depth] ?? '', path: folder, depth });
      }
    }
    rows.push({ kind: 'file', name: parts[parts.length - 1] ?? path, path, depth: parts.length - 1 });
  }
  return rows;
}
