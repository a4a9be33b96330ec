import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { safeRelativePath } from './safe-path.js';
import { standaloneEngine } from './standalone-engine.js';
import { loadTemplateFolder } from './template-source.js';

const user = { username: 'ann', displayName: 'Ann Lee', email: 'ann@meridian.example' };
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A template folder with these skeleton files (Buffer for binary). */
function templateWith(files: Record<string, string | Buffer>, parameters = '{}'): string {
  const dir = mkdtempSync(join(tmpdir(), 'plinth-tpl-'));
  folders.push(dir);
  writeFileSync(
    join(dir, 'template.yaml'),
    `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: t
spec:
  type: project
  owner: keepers
  parameters: ${parameters}
  steps:
    - id: render
      action: template:render
      input:
        url: ./skeleton
`,
  );
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, 'skeleton', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  mkdirSync(join(dir, 'skeleton'), { recursive: true });
  return dir;
}

async function dryRun(dir: string, parameters: Record<string, unknown> = {}, limits = {}) {
  const engine = await standaloneEngine({ limits });
  return engine.dryRun(await loadTemplateFolder(dir), parameters, user);
}

describe('rendering a skeleton', () => {
  test('renders contents and file and folder names, and copies binary files as they are', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x00]);
    const dir = templateWith({
      'src/{{ parameters.name }}/__init__.py':
        '"""{{ parameters.name | upcase }} by {{ user.displayName }}"""\n',
      'logo.png': png,
      '{% if parameters.withCi %}ci.yml{% endif %}': 'ci',
    });
    const result = await dryRun(dir, { name: 'drift', withCi: false });
    expect(result.files.map((f) => f.path)).toEqual(['logo.png', 'src/drift/__init__.py']);
    expect(result.files[1]?.content).toBe('"""DRIFT by Ann Lee"""\n');
    expect(result.files[0]).toMatchObject({ binary: true, size: png.length, content: null });
  });

  test.each([
    ['a parameter with ../', '{{ parameters.name }}.txt', { name: '../../etc/passwd' }],
    ['an absolute path from a parameter', '{{ parameters.name }}', { name: '/etc/passwd' }],
    ['a name that renders to ..', '{{ "." }}{{ "." }}/outside.txt', {}],
  ])('refuses %s that escapes the project', async (_what, path, parameters) => {
    const dir = templateWith({ [path]: 'x' });
    await expect(dryRun(dir, parameters)).rejects.toMatchObject({
      code: 'TEMPLATE_PATH_ESCAPE',
      message: expect.stringMatching(/leave the project folder|absolute path/),
    });
  });

  test('refuses a symbolic link in the skeleton, wherever it points', async () => {
    const dir = templateWith({ 'README.md': 'hi' });
    symlinkSync('/etc/passwd', join(dir, 'skeleton', 'passwd'));
    await expect(dryRun(dir)).rejects.toMatchObject({
      code: 'TEMPLATE_PATH_ESCAPE',
      message: 'skeleton/passwd: a symbolic link leading outside the template folder is not followed',
    });
  });

  test('refuses a skeleton folder that is a link to elsewhere, and names a missing one', async () => {
    const dir = templateWith({ 'README.md': 'hi' });
    rmSync(join(dir, 'skeleton'), { recursive: true });
    symlinkSync('/etc', join(dir, 'skeleton'));
    await expect(dryRun(dir)).rejects.toMatchObject({
      code: 'TEMPLATE_PATH_ESCAPE',
      message: 'skeleton: a symbolic link leading outside the template folder is not followed',
    });
    rmSync(join(dir, 'skeleton'));
    await expect(dryRun(dir)).rejects.toMatchObject({ code: 'TEMPLATE_INVALID' });
  });

  test('cannot read environment variables, files or object internals through the engine', async () => {
    process.env.PLINTH_TEST_SECRET = 'do-not-leak';
    const dir = templateWith({
      'env.txt':
        '[{{ env.PLINTH_TEST_SECRET }}{{ process.env.PLINTH_TEST_SECRET }}{{ parameters.constructor.name }}]',
    });
    const result = await dryRun(dir);
    expect(result.files[0]?.content).toBe('[]');
    for (const tag of [
      "{% include '/etc/passwd' %}",
      "{% render '/etc/hostname' %}",
      "{% layout '/etc/passwd' %}",
    ]) {
      const leaky = templateWith({ 'leak.txt': tag });
      await expect(dryRun(leaky)).rejects.toMatchObject({ code: 'TEMPLATE_RENDER_FAILED' });
    }
  });

  test('stops a looping template at the render time bound', async () => {
    const bounds = { render: { renderMs: 300, parseChars: 1e6, memory: 64e6 } };
    const loop = templateWith({
      'loop.txt': '{% for i in (1..1000000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}',
    });
    const started = Date.now();
    await expect(dryRun(loop, {}, bounds)).rejects.toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      message: expect.stringContaining('loop.txt: template render limit exceeded'),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    // A huge range is refused before it is built, by the memory bound.
    const range = templateWith({ 'range.txt': '{% for i in (1..1000000000) %}{% endfor %}' });
    await expect(dryRun(range, {}, bounds)).rejects.toMatchObject({ code: 'TEMPLATE_LIMIT_EXCEEDED' });
  });

  test('stops a template whose output is too large', async () => {
    const dir = templateWith({ 'huge.txt': '{% for i in (1..200000) %}0123456789{% endfor %}' });
    await expect(dryRun(dir, {}, { output: { maxFiles: 100, maxBytes: 1_000_000 } })).rejects.toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
    });
    const many = templateWith(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, 'x'])));
    await expect(dryRun(many, {}, { output: { maxFiles: 10, maxBytes: 1e6 } })).rejects.toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
    });
  });
});

describe('safeRelativePath', () => {
  test('never returns a path that is absolute or climbs out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '..', '.', '', '/', '\\', 'c:', '.git', 'x y'), { maxLength: 8 }),
        (parts) => {
          const result = safeRelativePath(parts.join('/'));
          if ('path' in result) {
            expect(result.path.startsWith('/')).toBe(false);
            expect(result.path.split('/')).not.toContain('..');
            expect(result.path).not.toBe('');
          }
        },
      ),
    );
  });
});
