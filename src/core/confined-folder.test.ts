import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConfinedFolder, LinkRefused, linkMessage, linkTargetInside } from './confined-folder.js';

const SECRET = 'server-secret-7c1e';
let top: string;
let repo: string;
let outside: string;

beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'plinth-confined-'));
  repo = join(top, 'repo');
  outside = join(top, 'server');
  put(outside, 'secret.key', SECRET);
  put(outside, 'keys/inner.key', SECRET);
  put(repo, 'docs/index.md', '# Home');
  put(repo, 'docs/guides/deep/page.md', '# Deep');
  put(repo, 'README.md', '# Readme');
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
});

function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A link at `path` inside the repository. */
function link(path: string, target: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  symlinkSync(target, join(repo, path));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkRefused);
  return (error as LinkRefused).link;
}

describe('ConfinedFolder', () => {
  test('walks real files and folders, and lists each link without following it', async () => {
    link('docs/img', outside); // absolute, to a folder
    link('docs/guides/deep/key.png', join(outside, 'secret.key')); // absolute, to a file, two levels down
    link('docs/guides/up', '../../..'); // relative, escaping with ../..
    link('docs/chain', 'img'); // a link to a link that leaves
    link('docs/parent', '..'); // to the repository's top: inside, still not followed
    link('docs/readme.md', '../README.md'); // a file inside the repository
    const docs = await (await ConfinedFolder.open(repo)).folder('docs');
    const { files, links, truncated } = await docs.walk();
    expect(files.map((f) => f.path)).toEqual(['guides/deep/page.md', 'index.md']);
    expect(links).toEqual([
      { path: 'chain', outside: true },
      { path: 'guides/deep/key.png', outside: true },
      { path: 'guides/up', outside: true },
      { path: 'img', outside: true },
      { path: 'parent', outside: false },
      { path: 'readme.md', outside: false },
    ]);
    expect(truncated).toBe(false);
  });

  test('reads through no link: not the last part, not a folder on the way, not one inside the root', async () => {
    link('docs/img', outside);
    link('docs/guides/deep/assets', '../../../../server/keys');
    link('docs/key.png', join(outside, 'secret.key'));
    link('docs/again.png', 'key.png');
    link('docs/readme.md', '../README.md');
    const docs = await (await ConfinedFolder.open(repo)).folder('docs');
    expect(await refusal(docs.read('img/secret.key'))).toEqual({ path: 'img', outside: true });
    expect(await refusal(docs.read('guides/deep/assets/inner.key'))).toEqual({
      path: 'guides/deep/assets',
      outside: true,
    });
    expect(await refusal(docs.read('key.png'))).toEqual({ path: 'key.png', outside: true });
    expect(await refusal(docs.read('again.png'))).toEqual({ path: 'again.png', outside: true });
    expect(await refusal(docs.read('readme.md'))).toEqual({ path: 'readme.md', outside: false });
    expect((await docs.read('guides/deep/page.md')).toString()).toBe('# Deep');
  });

  test('refuses a sub-folder reached through a link, and paths that climb out', async () => {
    rmSync(join(repo, 'docs'), { recursive: true });
    link('docs', outside);
    const root = await ConfinedFolder.open(repo);
    expect(await refusal(root.folder('docs'))).toEqual({ path: 'docs', outside: true });
    await expect(root.read('../server/secret.key')).rejects.toThrow('is outside the folder');
    await expect(root.read('/etc/passwd')).rejects.toThrow('is outside the folder');
  });

  test('a folder swapped for a link after it was opened is refused at the next read and walk', async () => {
    const docs = await (await ConfinedFolder.open(repo)).folder('docs');
    renameSync(join(repo, 'docs'), join(top, 'old-docs'));
    put(outside, 'index.md', SECRET);
    symlinkSync(outside, join(repo, 'docs'));
    expect(await refusal(docs.read('index.md'))).toEqual({ path: '.', outside: true });
    const { files, links } = await docs.walk();
    expect(files).toEqual([]);
    expect(links).toEqual([{ path: '.', outside: true }]);
  });

  test('stops listing at the file limit and says so', async () => {
    const { files, truncated } = await (await ConfinedFolder.open(repo)).walk({ maxFiles: 2 });
    expect(files).toHaveLength(2);
    expect(truncated).toBe(true);
  });
});

describe('linkTargetInside', () => {
  test.each([
    ['docs/img', '../assets', 'assets'],
    ['docs/img', 'pictures', 'docs/pictures'],
    ['docs/img', '..', '.'],
    ['docs/img', '../..', null],
    ['docs/img', '/etc', null],
    ['img', '../x', null],
    ['docs/img', '', null],
  ])('%s -> %s leads to %s', (path, text, expected) => {
    expect(linkTargetInside(path, text)).toBe(expected);
  });

  test('the message says where the link is and why it is not followed', () => {
    expect(linkMessage({ path: 'docs/img', outside: true }, 'repository')).toBe(
      'docs/img: a symbolic link leading outside the repository is not followed',
    );
  });
});
