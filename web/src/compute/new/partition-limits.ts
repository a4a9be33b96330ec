import type { JobSpec, Partition } from '../../api/job-types.js';
import { memoryFlag, timeFlag } from './cli-command.js';

/** The partition a job lands in: the one it names, else the executor's default, else the first. */
export function partitionFor(partitions: readonly Partition[], name: string): Partition | undefined {
  if (name) return partitions.find((p) => p.name === name);
  return partitions.find((p) => p.isDefault) ?? partitions[0];
}

const gb = (mb: number) => memoryFlag(mb).replace(/([GM])$/, ' $1B');

/** What a partition allows at most, in a line: "2 CPUs and 7.6 GB per node, 2 h at most". */
export function describeLimits(p: Partition): string {
  const parts = [
    `${p.maxCpusPerNode} ${p.maxCpusPerNode === 1 ? 'CPU' : 'CPUs'}`,
    `${gb(p.maxMemoryMbPerNode)} per node`,
  ];
  const gpus = p.gpus.reduce((n, g) => Math.max(n, g.maxPerNode), 0);
  if (gpus > 0) parts.push(`${gpus} GPUs`);
  const time = p.maxTimeMinutes ? `, ${timeFlag(p.maxTimeMinutes)} at most` : ', no time limit of its own';
  return `${parts.join(', ')}${time}`;
}

/**
 * What the job asks for beyond the partition's limits, one sentence each. The server (or the
 * scheduler) has the last word; these only warn before submitting.
 */
export function overLimits(resources: JobSpec['resources'], p: Partition): string[] {
  const out: string[] = [];
  if (!resources) return out;
  if (resources.cpus && resources.cpus > p.maxCpusPerNode) {
    out.push(
      `${p.name} has at most ${p.maxCpusPerNode} CPUs on one node; ask for ${p.maxCpusPerNode} or fewer.`,
    );
  }
  if (resources.memoryMb && resources.memoryMb > p.maxMemoryMbPerNode) {
    out.push(`${p.name} has at most ${gb(p.maxMemoryMbPerNode)} of memory on one node.`);
  }
  if (resources.timeLimitMinutes && p.maxTimeMinutes && resources.timeLimitMinutes > p.maxTimeMinutes) {
    out.push(`${p.name} runs jobs for at most ${timeFlag(p.maxTimeMinutes)}.`);
  }
  const gpus = p.gpus.reduce((n, g) => Math.max(n, g.maxPerNode), 0);
  if (resources.gpus && resources.gpus > gpus) {
    out.push(gpus === 0 ? `${p.name} has no GPUs.` : `${p.name} has at most ${gpus} GPUs on one node.`);
  }
  return out;
}
