import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SlurmUnavailableError } from './cli-errors.js';
import { SINFO_FORMAT } from './parse-partitions.js';
import { SACCT_JOBCOMP_FIELDS } from './parse-sacct.js';
import { SQUEUE_FORMAT } from './parse-squeue.js';
import { accountingModeOf, SlurmCli } from './slurm-cli.js';
import { remoteCommand, remoteInput } from './ssh-transport.js';
import { LocalTransport } from './transport.js';

describe('Slurm client', () => {
  test('reads how the cluster keeps finished jobs from scontrol show config', () => {
    expect(
      accountingModeOf(readFileSync(new URL('__fixtures__/scontrol-config.txt', import.meta.url), 'utf8')),
    ).toBe('jobcomp');
    expect(accountingModeOf('AccountingStorageType   = accounting_storage/slurmdbd\n')).toBe('slurmdbd');
    expect(accountingModeOf('JobCompType             = jobcomp/none\n')).toBe('none');
  });

  test('asks Slurm for the same formats as the script that captured the fixtures', () => {
    const script = readFileSync(new URL('../../../../scripts/slurm-fixtures.sh', import.meta.url), 'utf8');
    expect(script).toContain(`SQUEUE_FORMAT='${SQUEUE_FORMAT}'`);
    expect(script).toContain(`SACCT_JOBCOMP_FORMAT='${SACCT_JOBCOMP_FIELDS.join(',')}'`);
    expect(script).toContain(`SINFO_FORMAT='${SINFO_FORMAT}'`);
  });
});

describe('memory kills', () => {
  test('reads what slurmstepd wrote when it killed a job for its memory, with one grep over the files', async () => {
    const cli = new SlurmCli(new LocalTransport(), {
      pollTimeoutMs: 5000,
      commandTimeoutMs: 5000,
      accounting: 'none',
    });
    const killed = new URL('__fixtures__/oom-stderr.txt', import.meta.url).pathname;
    const other = new URL('__fixtures__/squeue-final.txt', import.meta.url).pathname;
    const kills = await cli.memoryKills([killed, other, '/nonexistent/slurm-1.err']);
    expect([...kills.keys()]).toEqual([killed]);
    expect(kills.get(killed)?.limitMb).toBe(50);
    expect(Math.round(kills.get(killed)?.usedMb ?? 0)).toBe(280); // 293199872 bytes
  });
});

describe('local transport', () => {
  const transport = new LocalTransport();

  test('runs a command with its stdin and returns its output and exit code', async () => {
    const result = await transport.run(['sh', '-c', 'cat; echo err >&2; exit 3'], {
      input: 'script',
      timeoutMs: 5000,
    });
    expect(result).toEqual({ stdout: 'script', stderr: 'err\n', code: 3 });
  });

  test('gives commands a clean environment plus what the call adds', async () => {
    const { stdout } = await transport.run(['sh', '-c', 'env'], { env: { ADDED: 'yes' }, timeoutMs: 5000 });
    const names = stdout.split('\n').map((l) => l.split('=')[0]);
    expect(names).toContain('ADDED');
    expect(names.filter((n) => n?.startsWith('PLINTH_') || n === 'VITEST')).toEqual([]);
  });

  test('a command slower than its timeout means Slurm is unavailable', async () => {
    const started = Date.now();
    await expect(transport.run(['sleep', '10'], { timeoutMs: 200 })).rejects.toThrow(SlurmUnavailableError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a missing command means Slurm is unavailable, with the fix', async () => {
    await expect(
      new LocalTransport({ binDir: '/nonexistent' }).run(['sbatch'], { timeoutMs: 1000 }),
    ).rejects.toThrow(
      "/nonexistent/sbatch not found: install Slurm's client commands on this machine or set binDir",
    );
  });
});

describe('SSH command lines', () => {
  // The login node runs the command through a POSIX shell; this runs the same line through sh here.
  test('carry the environment through stdin, out of argv, values intact, and leave the rest of stdin to the command', async () => {
    const env = { TOKEN: 'it\'s a "secret"\nwith $dollars and ünïcode', EMPTY: '' };
    const line = remoteCommand(['sh', '-c', 'printf "%s|%s|" "$TOKEN" "$EMPTY"; cat']);
    expect(line).not.toContain('secret');
    const { stdout, code } = await new LocalTransport().run(['sh', '-c', line], {
      input: remoteInput(env, '#!/bin/bash\necho script on stdin\n'),
      timeoutMs: 5000,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(`${env.TOKEN}||#!/bin/bash\necho script on stdin\n`);
  });

  test('find the commands in binDir when given', () => {
    expect(remoteCommand(['squeue', '-h'], '/opt/slurm/bin/')).toMatch(/ \/opt\/slurm\/bin\/squeue -h$/);
  });
});
