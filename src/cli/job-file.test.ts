import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { placeErrors, readJobFile, unknownKeys } from './job-file.js';

const dir = mkdtempSync(join(tmpdir(), 'plinth-job-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(path: string): Promise<CliError> {
  const error = await readJobFile(path).catch((e: unknown) => e);
  if (!(error instanceof CliError)) throw new Error('expected a CliError');
  return error;
}

const SWEEP = `name: sweep
command: [python, train.py]
resources:
  cpus: 2
  memoryMb: 4096
array: 0-3
`;

describe('readJobFile', () => {
  it('reads a YAML job file, and JSON too', async () => {
    expect((await readJobFile(file('sweep.yaml', SWEEP))).spec).toEqual({
      name: 'sweep',
      command: ['python', 'train.py'],
      resources: { cpus: 2, memoryMb: 4096 },
      array: '0-3',
    });
    const json = file('job.json', '{ "name": "x", "script": "echo hi" }');
    expect((await readJobFile(json)).spec).toEqual({ name: 'x', script: 'echo hi' });
  });

  it('reports a syntax error at file:line:col', async () => {
    const path = file('broken.yaml', 'name: x\ncommand: [echo\n');
    const error = await failure(path);
    expect(error.code).toBe('CLI_INVALID_JOB_FILE');
    expect(error.message).toMatch(new RegExp(`^${path}:3:1 Flow sequence`));
  });

  it('refuses a document that is not a mapping, or several documents', async () => {
    expect((await failure(file('list.yaml', '- echo\n'))).message).toContain(
      'list.yaml:1:1 a job file holds one mapping',
    );
    expect((await failure(file('two.yaml', 'name: a\n---\nname: b\n'))).message).toContain(
      'one YAML document',
    );
  });

  it('refuses keys that are not job fields, at their line', async () => {
    const error = await failure(
      file('typo.yaml', 'name: x\ncommand: [true]\nresources:\n  memroyMb: 4\nmemory: 4G\n'),
    );
    expect(error.message).toContain('typo.yaml:4:3 resources.memroyMb: not a job field');
    expect(error.message).toContain('typo.yaml:5:1 memory: not a job field');
  });

  it('says when the file is not there', async () => {
    expect((await failure(join(dir, 'missing.yaml'))).code).toBe('CLI_USAGE');
  });
});

describe('placeErrors', () => {
  it('puts the file position before each refused field the file set', async () => {
    const job = await readJobFile(file('refused.yaml', SWEEP));
    const refusal = new CliError('VALIDATION_FAILED', 'resources.cpus: must be >= 1; name: bad', {
      status: 400,
      details: [
        { field: 'resources.cpus', message: 'must be >= 1' },
        { field: 'name', message: 'bad' },
      ],
    });
    const placed = placeErrors(refusal, job, ['name']) as CliError;
    expect(placed.code).toBe('VALIDATION_FAILED');
    expect(placed.message).toBe(
      `the job is invalid:\n  ${job.path}:4:3 resources.cpus: must be >= 1\n  name: bad`,
    );
    const unknown = new CliError('COMPUTE_EXECUTOR_UNKNOWN', "executor: 'x' is not offered here", {
      status: 400,
    });
    expect((placeErrors(unknown, job, []) as CliError).message).toBe(
      `${job.path}:1:1 executor: 'x' is not offered here`,
    );
  });

  it('leaves other errors as they are', async () => {
    const job = await readJobFile(file('other.yaml', SWEEP));
    const quota = new CliError('COMPUTE_QUOTA_EXCEEDED', 'team: full', { status: 429 });
    expect(placeErrors(quota, job, [])).toBe(quota);
  });
});

describe('unknownKeys', () => {
  it('only looks into objects whose schema closes them', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: 'object', additionalProperties: false, properties: {} },
        b: { type: 'object' },
      },
    };
    expect(unknownKeys(schema, { a: { x: 1 }, b: { y: 2 }, c: 3 })).toEqual(['a.x', 'c']);
    expect(unknownKeys(schema, 'text')).toEqual([]);
  });
});
