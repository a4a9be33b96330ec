/**
 * The paths of a location listing that are not part of a template's `skeleton/` folder (a
 * folder beside a `template.yaml`): a skeleton holds the files of future projects, often YAML
 * with Liquid in it, not entities of this catalog.
 * @example withoutTemplateSkeletons(['python/template.yaml', 'python/skeleton/dvc.yaml']) // ['python/template.yaml']
 */
export function withoutTemplateSkeletons<T extends { path: string }>(files: T[]): T[] {
  const skeletons = files
    .filter((f) => f.path === 'template.yaml' || f.path.endsWith('/template.yaml'))
    .map((f) => `${f.path.slice(0, -'template.yaml'.length)}skeleton/`);
  if (skeletons.length === 0) return files;
  return files.filter((f) => !skeletons.some((prefix) => f.path.startsWith(prefix)));
}
