import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'plinth-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A platform repo whose catalog holds `count` components named `<prefix>-<i>`, 100 per file. */
function writeCatalog(dir: string, prefix: string, count: number) {
  rmSync(join(dir, 'catalog'), { recursive: true, force: true });
  mkdirSync(join(dir, 'catalog'), { recursive: true });
  writeFileSync(
    join(dir, 'catalog', 'group.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: owners }\nspec: { type: team, children: [] }\n',
  );
  for (let file = 0; file * 100 < count; file++) {
    const docs: string[] = [];
    for (let i = file * 100; i < Math.min(count, (file + 1) * 100); i++) {
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${prefix}-${i}, tags: [crash] }\n` +
          'spec: { type: library, lifecycle: production, owner: owners }\n',
      );
    }
    writeFileSync(join(dir, 'catalog', `part-${file}.yaml`), docs.join('---\n'));
  }
}

/** Starts the real CLI server on the data dir; resolves once its log shows `waitFor`. */
function serve(dataDir: string, platformRepo: string, waitFor = 'Plinth is ready'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: {
      ...process.env,
      PLINTH_DATA_DIR: dataDir,
      PLINTH_PLATFORM_REPO: platformRepo,
      PLINTH_PORT: '0',
      PLINTH_ADMIN_PASSWORD: 'Crash-test-password-1',
      PLINTH_LOG_LEVEL: 'info',
      PLINTH_AUTH_SCRYPT_COST: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(waitFor)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out.slice(-500)}`)));
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );
}

function componentNames(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'plinth.sqlite'), { readonly: true });
  const rows = db
    .prepare("select name from catalog_entities where kind = 'component' order by name")
    .all() as { name: string }[];
  db.close();
  return rows.map((r) => r.name);
}

describe('a sync killed halfway', () => {
  test('leaves the catalog at the old or the new revision, never a mix', { timeout: 180_000 }, async () => {
    const repo = join(root, 'platform');
    const dataDir = join(root, 'data');
    writeCatalog(repo, 'old', 300);
    const first = await serve(dataDir, repo);
    // Let the first revision land whole.
    for (let i = 0; i < 200 && componentNames(dataDir).length < 300; i++)
      await new Promise((r) => setTimeout(r, 100));
    first.kill('SIGTERM');
    await waitForExit(first);
    const oldNames = componentNames(dataDir);
    expect(oldNames).toHaveLength(300);

    writeCatalog(repo, 'new', 6000);
    const outcomes = new Set<string>();
    for (const delayMs of [50, 400, 900, 1600]) {
      const server = await serve(dataDir, repo);
      await new Promise((r) => setTimeout(r, delayMs));
      server.kill('SIGKILL');
      await waitForExit(server);
      const names = componentNames(dataDir);
      const isOld = names.length === 300 && names.every((n) => n.startsWith('old-'));
      const isNew = names.length === 6000 && names.every((n) => n.startsWith('new-'));
      expect(isOld || isNew, `after a kill at ${delayMs} ms: ${names.length} components`).toBe(true);
      outcomes.add(isOld ? 'old' : 'new');
      if (isNew) break;
    }
    // The kills landed before the commit at least once, or the sync was faster than every kill.
    process.stderr.write(`crash outcomes: ${[...outcomes].join(', ')}\n`);
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
