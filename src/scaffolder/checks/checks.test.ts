import { describe, expect, test } from 'vitest';
import { blockingFailure, chooseChecks, runChecks } from '../run-checks.js';
import { Workspace } from '../workspace.js';
import type { PolicyCheck } from './check.js';
import { cloudTagsCheck } from './cloud-tags.js';
import { noSecretsCheck } from './no-secrets.js';
import { pinnedDependenciesCheck } from './pinned-dependencies.js';
import { requiredFilesCheck } from './required-files.js';
import { storageSafetyCheck } from './storage-safety.js';

const run = async (
  adapter: { create: (c: never) => PolicyCheck | Promise<PolicyCheck> },
  files: Record<string, string>,
  options = {},
) =>
  (await adapter.create({} as never)).run(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  );

describe('no-secrets', () => {
  test.each([
    ['an AWS key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'],
    ['a private key', 'x\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n'],
    ['a GitHub token', `token: ghp_${'a1B2'.repeat(9)}\n`],
    ['a GitLab token', 'GITLAB=glpat-abcdefghij0123456789\n'],
    ['a password in clear', 'db:\n  password: "hunter2hunter2"\n'],
  ])('catches %s planted in a file', async (_what, text) => {
    const findings = await run(noSecretsCheck, { 'config/app.yaml': text });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'config/app.yaml', message: expect.stringContaining('vault') });
  });

  test('leaves placeholders and references alone', async () => {
    const findings = await run(noSecretsCheck, {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CI variable reference, not JavaScript
      'a.yaml': 'password: "changeme-please"\ntoken: "${{ secrets.TOKEN }}"\napi_key: "<your key>"\n',
    });
    expect(findings).toEqual([]);
  });
});

const taggedBucket = `locals {
  tags = {
    owner               = "climate"
    cost-center         = "CC-1"
    data-classification = "internal"
  }
}
resource "aws_s3_bucket" "this" {
  bucket = "x"
  tags   = local.tags
}
`;

describe('cloud-tags', () => {
  test('catches storage without the required tags, and names the missing ones', async () => {
    const findings = await run(cloudTagsCheck, {
      'main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "x"\n  tags = { owner = "me" }\n}\n',
    });
    expect(findings).toEqual([
      {
        file: 'main.tf',
        line: 1,
        message: 'aws_s3_bucket.data lacks the tags cost-center, data-classification',
      },
    ]);
    expect(
      await run(cloudTagsCheck, { 'gcs.tf': 'resource "google_storage_bucket" "b" {\n  name = "b"\n}\n' }),
    ).toHaveLength(1);
  });

  test('accepts tags given through a local, in either spelling', async () => {
    expect(await run(cloudTagsCheck, { 'main.tf': taggedBucket })).toEqual([]);
    const underscores = taggedBucket
      .replace('cost-center', 'cost_center')
      .replace('data-classification', 'data_classification');
    expect(await run(cloudTagsCheck, { 'main.tf': underscores })).toEqual([]);
  });
});

describe('storage-safety', () => {
  test('catches an S3 bucket that is public, unencrypted and unversioned', async () => {
    const findings = await run(storageSafetyCheck, {
      'main.tf': 'resource "aws_s3_bucket" "open" {\n  bucket = "x"\n  acl    = "public-read"\n}\n',
    });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('public access is not blocked'),
      'aws_s3_bucket.open: no server-side encryption',
      'aws_s3_bucket.open: versioning is not enabled',
      'aws_s3_bucket.open: its ACL is public',
    ]);
  });

  test('catches an Azure account that allows public blobs', async () => {
    const findings = await run(storageSafetyCheck, {
      'main.tf': 'resource "azurerm_storage_account" "a" {\n  allow_nested_items_to_be_public = true\n}\n',
    });
    expect(findings.map((f) => f.message)).toContain('azurerm_storage_account.a: blobs may be made public');
  });
});

describe('required-files and pinned-dependencies', () => {
  test('wants a README and a LICENSE, whatever their extension', async () => {
    expect(await run(requiredFilesCheck, { 'README.md': '', 'LICENSE.txt': '' })).toEqual([]);
    expect(await run(requiredFilesCheck, { 'README.md': '' })).toEqual([
      { file: 'LICENSE', message: 'LICENSE is missing at the root of the project' },
    ]);
  });

  test('catches unpinned Python, npm, Terraform and image dependencies', async () => {
    const findings = await run(pinnedDependenciesCheck, {
      'requirements.txt': 'numpy==2.1.0\npandas>=2\n# comment\n',
      'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "scipy",\n  "attrs==24.2.0",\n]\n',
      'package.json': '{"dependencies":{"left-pad":"^1.3.0","ok":"1.0.0"}}',
      'main.tf':
        'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
      'job.yaml': 'spec:\n  containers:\n    - image: python:latest\n    - image: ghcr.io/x/y:1.2\n',
    });
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'requirements.txt: pandas is not pinned; write pandas==<version>',
      'pyproject.toml: scipy is not pinned; write scipy==<version>',
      'package.json: left-pad@^1.3.0 is a range; pin an exact version',
      'main.tf: provider aws has no version constraint',
      'job.yaml: image python:latest has no fixed tag',
    ]);
  });
});

describe('choosing and running checks', () => {
  test('a required check stays blocking even when a template marks it advisory, and a failure says why', async () => {
    const available = new Map<string, PolicyCheck>();
    for (const c of [noSecretsCheck, requiredFilesCheck]) available.set(c.name, await c.create({} as never));
    const chosen = chooseChecks(
      available,
      ['no-secrets'],
      [
        { name: 'no-secrets', blocking: false },
        { name: 'required-files', blocking: false },
      ],
    );
    expect(chosen.map((c) => [c.check.name, c.blocking])).toEqual([
      ['no-secrets', true],
      ['required-files', false],
    ]);
    const ws = new Workspace();
    ws.write('app.env', Buffer.from('AWS_KEY=AKIAIOSFODNN7EXAMPLE\n'));
    const results = runChecks(chosen, ws);
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(blockingFailure(results)).toBe(
      'No secrets in files: app.env:1: looks like an AWS access key id; keep secrets in the team vault or CI variables, not in files',
    );
    expect(() => chooseChecks(available, ['no-such-check'])).toThrow(
      /does not exist; available: no-secrets, required-files/,
    );
  });
});
