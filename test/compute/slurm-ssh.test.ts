import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempOutputRoot } from '../../src/compute/executor.contract.js';
import { SlurmUnavailableError } from '../../src/compute/executors/slurm/cli-errors.js';
import { createSlurmExecutor, type SlurmExecutor } from '../../src/compute/executors/slurm/index.js';
import { FINAL_STATES } from '../../src/compute/extension.js';
import type { JobSpec } from '../../src/compute/job-spec.js';
import { createLogger } from '../../src/core/logger.js';
import { engineAvailable } from '../helpers/engines.js';

// The SSH transport against a real sshd (a throwaway one on 127.0.0.1, started here as root) in
// front of the real Slurm of SLURM_CONF: the path a login node takes, on one machine.
const slurmConf = process.env.SLURM_CONF;
const SSHD = '/usr/sbin/sshd';
const slurmAnswers = Boolean(slurmConf) && spawnSync('sinfo', ['-h'], { timeout: 15_000 }).status === 0;
const available =
  slurmAnswers &&
  engineAvailable(
    'sshd',
    existsSync(SSHD) && process.getuid?.() === 0,
    'run as root with openssh-server installed (apt-get install openssh-server); it is started here, on 127.0.0.1',
  );

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(available)('slurm executor over SSH (ssh2) to a live sshd and Slurm', () => {
  let sshd: ChildProcess | undefined;
  let executor: SlurmExecutor;
  let dir: ReturnType<typeof tempOutputRoot>;
  let port: number;
  let keyPath: string;
  let fingerprint: string;
  const started: string[] = [];
  let log = '';

  beforeAll(async () => {
    dir = tempOutputRoot('plinth-slurm-ssh-');
    keyPath = join(dir.root, 'client_key');
    const hostKey = join(dir.root, 'host_key');
    for (const key of [keyPath, hostKey])
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    writeFileSync(join(dir.root, 'authorized_keys'), readFileSync(`${keyPath}.pub`));
    fingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${hostKey}.pub`], { encoding: 'utf8' }).split(
      ' ',
    )[1] as string;
    // sshd insists on its privilege separation folder; Debian creates it only through systemd.
    if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
    port = await freePort();
    sshd = spawn(
      SSHD,
      [
        '-D',
        '-e',
        '-f',
        '/dev/null',
        '-h',
        hostKey,
        '-p',
        String(port),
        '-o',
        'ListenAddress=127.0.0.1',
      ].concat(
        ...[
          `AuthorizedKeysFile=${join(dir.root, 'authorized_keys')}`,
          'PermitRootLogin=prohibit-password',
          'PasswordAuthentication=no',
          'UsePAM=no',
          'StrictModes=no',
          `PidFile=${join(dir.root, 'sshd.pid')}`,
        ].map((o) => ['-o', o]),
      ),
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    sshd.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    for (let i = 0; i < 100 && !log.includes('Server listening'); i++)
      await new Promise((r) => setTimeout(r, 50));
    if (!log.includes('Server listening')) throw new Error(`sshd did not start: ${log}`);
    executor = createSlurmExecutor(
      {
        transport: 'ssh',
        ssh: {
          host: '127.0.0.1',
          port,
          username: 'root',
          privateKeyPath: keyPath,
          hostFingerprint: fingerprint,
        },
        slurmConf,
        pollTimeoutMs: 10_000,
      },
      createLogger('silent'),
    );
  });

  afterAll(async () => {
    for (const id of started) await executor?.cancel(id).catch(() => undefined);
    await executor?.close();
    sshd?.kill('SIGTERM');
    dir?.remove();
  });

  test('submits, polls and cancels through one SSH connection; secrets travel off argv', async () => {
    const outputDir = join(dir.root, 'jobs', 'SSH1');
    const spec = {
      name: 'over-ssh',
      command: ['sh', '-c', 'echo "token=$API_TOKEN"'],
      env: { API_TOKEN: 'secret:api' },
    } as JobSpec;
    const job = await executor.submit({
      jobId: 'SSH1',
      spec,
      outputDir,
      env: { API_TOKEN: 'over-the-wire' },
    });
    started.push(job.externalId);
    expect(job.script).not.toContain('over-the-wire');
    let state = 'pending';
    for (let i = 0; i < 120 && !FINAL_STATES.has(state as never); i++) {
      state = (await executor.poll([job.externalId])).get(job.externalId)?.state ?? 'pending';
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(state).toBe('succeeded');
    expect(readFileSync(job.stdoutPath, 'utf8')).toBe('token=over-the-wire\n');

    const waiting = await executor.submit({
      jobId: 'SSH2',
      spec: { name: 'held', script: '#!/bin/bash\n#SBATCH --hold\ntrue\n' } as JobSpec,
      outputDir: join(dir.root, 'jobs', 'SSH2'),
      env: {},
    });
    started.push(waiting.externalId);
    await executor.cancel(waiting.externalId);
    expect((await executor.poll([waiting.externalId])).get(waiting.externalId)?.state).toBe('cancelled');
    expect(log.match(/Accepted publickey/g)).toHaveLength(1);
  });

  test('refuses a login node whose host key is not the one configured', async () => {
    const wrong = createSlurmExecutor(
      {
        transport: 'ssh',
        ssh: {
          host: '127.0.0.1',
          port,
          username: 'root',
          privateKeyPath: keyPath,
          hostFingerprint: `SHA256:${'A'.repeat(43)}`,
        },
        slurmConf,
      },
      createLogger('silent'),
    );
    await expect(wrong.poll(['1'])).rejects.toBeInstanceOf(SlurmUnavailableError);
    await wrong.close();
  });
});
