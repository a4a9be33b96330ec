import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEAMS = 50;
const PER_FILE = 500;

function component(i: number): string {
  const dependsOn = i > 0 ? `\n  dependsOn: [component:lib-${i - 1}]` : '';
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: lib-${i}
  title: Library ${i}
  description: Generated library ${i}, for the catalog benchmark
  tags: [python, group-${i % 20}]
spec:
  type: ${i % 4 === 0 ? 'service' : 'library'}
  lifecycle: ${i % 3 === 0 ? 'experimental' : 'production'}
  owner: team-${i % TEAMS}${dependsOn}
`;
}

/**
 * A platform repo (a real git repository) whose catalog holds `count` Backstage components in
 * files of 500, owned by 50 teams, each depending on the previous one. Returns its file URL.
 */
export function createCatalogRepo(dir: string, count: number): string {
  const catalog = join(dir, 'catalog');
  mkdirSync(catalog, { recursive: true });
  const groups = Array.from(
    { length: TEAMS },
    (_, t) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-${t} }\nspec: { type: team, children: [] }\n`,
  );
  writeFileSync(join(catalog, 'groups.yaml'), groups.join('---\n'));
  for (let file = 0; file * PER_FILE < count; file++) {
    const docs: string[] = [];
    for (let i = file * PER_FILE; i < Math.min(count, (file + 1) * PER_FILE); i++) docs.push(component(i));
    writeFileSync(join(catalog, `components-${String(file).padStart(4, '0')}.yaml`), docs.join('---\n'));
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', `catalog of ${count} components`);
  return `file://${dir}`;
}
