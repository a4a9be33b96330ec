import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temp folder, for tests that commit, change and revert catalog files. */
export function createGitRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'plinth-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Kim Keeper', '-c', 'user.email=kim@meridian.example', ...args], {
      cwd: dir,
      stdio: 'pipe',
    })
      .toString()
      .trim();
  git('init', '-q', '-b', 'main');
  return {
    dir,
    url: `file://${dir}`,
    write(path: string, text: string) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove(path: string) {
      rmSync(join(dir, path));
    },
    /** Commits everything and returns the new commit's sha. */
    commit(message: string): string {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    revert(): string {
      git('revert', '--no-edit', 'HEAD');
      return git('rev-parse', 'HEAD');
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type GitRepo = ReturnType<typeof createGitRepo>;

/** A small valid entity document. */
export function component(name: string, extra = ''): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  title: ${name.toUpperCase()}
  tags: [python, simulation]
spec:
  type: library
  lifecycle: production
  owner: climate
${extra}`;
}

export const CLIMATE_GROUP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: climate
spec:
  type: team
  children: []
`;
