import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { GitRemote } from '../extension.js';
import { standaloneEngine } from '../standalone-engine.js';
import { loadTemplateFolder } from '../template-source.js';

const user = { username: 'ann', displayName: 'Ann Lee', email: 'ann@meridian.example' };
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function template(
  steps: string,
  files: Record<string, string> = { 'README.md': '# hi\n', LICENSE: 'x\n' },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'plinth-actions-'));
  folders.push(dir);
  mkdirSync(join(dir, 'skeleton'), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, 'skeleton', path), text);
  writeFileSync(
    join(dir, 'template.yaml'),
    `apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: t }\nspec:\n  type: project\n  owner: keepers\n  steps:\n${steps}`,
  );
  return dir;
}

async function run(dir: string, remotes: GitRemote[] = []) {
  const taskDir = mkdtempSync(join(tmpdir(), 'plinth-task-'));
  folders.push(taskDir);
  const engine = await standaloneEngine({ services: { remotes: new Map(remotes.map((r) => [r.name, r])) } });
  const t = await loadTemplateFolder(dir);
  return { taskDir, result: await engine.run(t, {}, user, { dryRun: false, taskDir, taskId: 'task-1' }) };
}

describe('built-in actions', () => {
  test('each action refuses an input that does not match its schema, naming the field', async () => {
    const dir = template(
      '    - { id: render, action: "template:render" }\n    - { id: move, action: "fs:rename", input: { files: [{ from: README.md }] } }\n',
    );
    await expect(run(dir)).rejects.toMatchObject({
      code: 'SCAFFOLDER_ACTION_INPUT_INVALID',
      message: expect.stringMatching(/^step 'move' \(fs:rename\): files\.0/),
    });
  });

  test('catalog:register never makes a folder of the Plinth server a catalog location', async () => {
    const dir = template(
      '    - { id: render, action: "template:render" }\n' +
        '    - { id: register, action: "catalog:register", input: { repoUrl: /var/lib/plinth, name: stolen } }\n',
      { 'catalog-info.yaml': 'kind: Component\n' },
    );
    await expect(run(dir)).rejects.toThrow(/repoUrl: '\/var\/lib\/plinth' is not a git URL/);
  });

  test('fs:rename and fs:delete move and remove files but never outside the project', async () => {
    const ok = template(
      '    - { id: render, action: "template:render" }\n' +
        '    - { id: move, action: "fs:rename", input: { files: [{ from: README.md, to: docs/README.md }] } }\n' +
        '    - { id: rm, action: "fs:delete", input: { files: [LICENSE] } }\n',
    );
    const { result } = await run(ok);
    expect(result.workspace.paths()).toEqual(['docs/README.md']);
    const climbing = template(
      '    - { id: render, action: "template:render" }\n    - { id: move, action: "fs:rename", input: { files: [{ from: README.md, to: ../../x }] } }\n',
    );
    await expect(run(climbing)).rejects.toMatchObject({ code: 'TEMPLATE_PATH_ESCAPE' });
  });

  test('git:init commits as the user, git:push reaches a bare repository, and archive:zip packs the project', async () => {
    const remote = mkdtempSync(join(tmpdir(), 'plinth-remote-'));
    folders.push(remote);
    execFileSync('git', ['init', '-q', '--bare', join(remote, 'demo.git')]);
    const dir = template(
      '    - { id: render, action: "template:render" }\n    - { id: git, action: "git:init" }\n' +
        '    - { id: push, action: "git:push", input: { remote: lab, repo: demo } }\n    - { id: zip, action: "archive:zip", input: { name: demo } }\n',
    );
    const { taskDir, result } = await run(dir, [{ name: 'lab', url: `file://${remote}` }]);
    expect(result.steps.map((s) => s.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const log = execFileSync('git', ['log', '--format=%an <%ae>|%s', 'main'], {
      cwd: join(remote, 'demo.git'),
      encoding: 'utf8',
    });
    expect(log.trim()).toBe('Ann Lee <ann@meridian.example>|Initial commit from a Plinth template');
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', join(taskDir, 'demo.zip')], {
      encoding: 'utf8',
    });
    expect(listing).toContain('demo/README.md');
  });

  test('a refused push reports the error without the remote’s token', async () => {
    const token = 'glpat-never-in-any-message-123';
    const dir = template(
      '    - { id: render, action: "template:render" }\n    - { id: git, action: "git:init" }\n' +
        '    - { id: push, action: "git:push", input: { remote: lab, repo: demo } }\n',
    );
    const failure = await run(dir, [{ name: 'lab', url: `http://oauth2:${token}@127.0.0.1:9`, token }]).catch(
      (e: Error) => e,
    );
    expect(failure).toMatchObject({ code: 'SCAFFOLDER_ACTION_FAILED' });
    expect((failure as Error).message).not.toContain(token);
    expect((failure as Error).message).toMatch(/step 'push' \(git:push\) failed: .*127\.0\.0\.1/);
  });
});
