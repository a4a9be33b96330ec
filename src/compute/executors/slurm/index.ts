import { adapter } from '../../../core/extension.js';
import type { Logger } from '../../../core/logger.js';
import { executorPoint } from '../../extension.js';
import { SlurmConfig } from './config.js';
import { SlurmCli } from './slurm-cli.js';
import { SlurmExecutor } from './slurm-executor.js';
import { SshTransport } from './ssh-transport.js';
import { LocalTransport, type Transport } from './transport.js';

export { SlurmConfig } from './config.js';
export type { SlurmPartition } from './parse-partitions.js';
export { SlurmExecutor } from './slurm-executor.js';

/** The transport the config asks for; `ssh` without its settings is refused, naming the key. */
export function createTransport(config: SlurmConfig, logger: Logger): Transport {
  if ((config.transport ?? 'local') === 'local') {
    return new LocalTransport({ binDir: config.binDir, slurmConf: config.slurmConf });
  }
  if (!config.ssh) {
    throw new Error('Invalid configuration: compute.executors.slurm.ssh: required when transport is ssh');
  }
  return new SshTransport({
    ...config.ssh,
    binDir: config.binDir,
    slurmConf: config.slurmConf,
    warn: (message) => logger.warn(message),
  });
}

/** Builds the executor from its validated settings, with every default filled in. */
export function createSlurmExecutor(config: SlurmConfig, logger: Logger): SlurmExecutor {
  const cli = new SlurmCli(createTransport(config, logger), {
    pollTimeoutMs: config.pollTimeoutMs ?? 15_000,
    commandTimeoutMs: config.commandTimeoutMs ?? 30_000,
    accounting: config.accounting ?? 'auto',
  });
  return new SlurmExecutor(
    cli,
    {
      defaultPartition: config.defaultPartition,
      partitionsTtlMs: (config.partitionsTtlSeconds ?? 300) * 1000,
    },
    logger.child({ executor: 'slurm' }),
  );
}

/**
 * Slurm through its CLI (sbatch, squeue, sacct, scancel, scontrol, sinfo), on this machine or on a
 * login node over SSH. Job outputs go to the job's folder, which the cluster must see at the same path.
 */
export const slurmExecutor = adapter(executorPoint, {
  name: 'slurm',
  description: 'A Slurm cluster, through sbatch/squeue/sacct on this machine or on a login node over SSH',
  capabilities: { arrays: true, gpus: true, cancel: true, accounting: true },
  configSchema: SlurmConfig,
  create: ({ config, logger }) => createSlurmExecutor(config as SlurmConfig, logger),
});
