import { Value } from 'typebox/value';
import { describe, expect, test } from 'vitest';
import { ExtensionRegistry } from '../../../core/extension.js';
import { createLogger } from '../../../core/logger.js';
import { executorPoint } from '../../extension.js';
import { SlurmConfig, SlurmExecutor, slurmExecutor } from './index.js';

describe('slurm adapter', () => {
  test('registers as slurm with its capabilities and builds an executor from its settings', async () => {
    const registry = new ExtensionRegistry().register(slurmExecutor);
    const entry = registry.get(executorPoint, 'slurm');
    expect(entry.capabilities).toEqual({ arrays: true, gpus: true, cancel: true, accounting: true });
    const executor = await entry.create({
      config: { defaultPartition: 'short' },
      logger: createLogger('silent'),
    });
    expect(executor).toBeInstanceOf(SlurmExecutor);
    expect((executor as SlurmExecutor).cli.transport.isLocal).toBe(true);
  });

  test('documents and checks its settings', () => {
    const ssh = { host: 'login.example.org', username: 'plinth', privateKeyPath: '/etc/plinth/id_ed25519' };
    expect(
      Value.Check(SlurmConfig, { transport: 'ssh', ssh, pollTimeoutMs: 5000, accounting: 'jobcomp' }),
    ).toBe(true);
    expect(Value.Check(SlurmConfig, { transport: 'rest' })).toBe(false);
    expect(Value.Check(SlurmConfig, { partition: 'debug' })).toBe(false);
    expect(Value.Check(SlurmConfig, { ssh: { ...ssh, hostFingerprint: 'md5:aa' } })).toBe(false);
  });

  test('refuses the ssh transport without its settings, naming the key', () => {
    expect(() =>
      slurmExecutor.create({ config: { transport: 'ssh' }, logger: createLogger('silent') }),
    ).toThrow('Invalid configuration: compute.executors.slurm.ssh: required when transport is ssh');
  });

  test('refuses an executor option it does not know, through the executor', () => {
    const executor = slurmExecutor.create({ config: {}, logger: createLogger('silent') }) as SlurmExecutor;
    expect(() => executor.validateOptions({ timeLimitSeconds: 5 })).toThrow(
      /^options.timeLimitSeconds: the slurm executor/,
    );
    expect(() => executor.validateOptions({ account: 'physics', exclusive: true })).not.toThrow();
  });
});
