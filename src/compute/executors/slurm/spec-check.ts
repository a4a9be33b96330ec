import type { JobSpec } from '../../job-spec.js';
import type { SlurmPartition } from './parse-partitions.js';

/** A spec the Slurm executor cannot submit; the message starts with the field, as Plinth's errors do. */
export class SpecError extends Error {
  override readonly name = 'SpecError';
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The executor options the Slurm executor understands, each with its check and its sbatch option. */
const OPTIONS: Record<
  string,
  { check: (v: unknown) => boolean; hint: string; flag: (v: unknown) => string | null }
> = {
  account: {
    check: (v) => typeof v === 'string' && NAME.test(v),
    hint: 'an account name',
    flag: (v) => `--account=${v}`,
  },
  qos: { check: (v) => typeof v === 'string' && NAME.test(v), hint: 'a QOS name', flag: (v) => `--qos=${v}` },
  reservation: {
    check: (v) => typeof v === 'string' && NAME.test(v),
    hint: 'a reservation name',
    flag: (v) => `--reservation=${v}`,
  },
  constraint: {
    check: (v) => typeof v === 'string' && /^[A-Za-z0-9_.&|!*,:()[\]-]{1,256}$/.test(v),
    hint: 'node features such as "a100" or "skylake&ib"',
    flag: (v) => `--constraint="${v}"`,
  },
  exclusive: {
    check: (v) => typeof v === 'boolean',
    hint: 'true or false',
    flag: (v) => (v ? '--exclusive' : null),
  },
};

/** Refuses options the executor does not know or values it cannot pass, naming the field. */
export function checkOptions(options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    const option = OPTIONS[key];
    if (!option) {
      throw new SpecError(
        `options.${key}: the slurm executor has no such option; it knows ${Object.keys(OPTIONS).join(', ')}`,
      );
    }
    if (!option.check(value)) throw new SpecError(`options.${key}: expected ${option.hint}`);
  }
}

/** The `#SBATCH` options the spec's executor options turn into (validated by checkOptions first). */
export function optionFlags(options: Record<string, unknown>): string[] {
  return Object.entries(options).flatMap(([key, value]) => {
    const flag = OPTIONS[key]?.flag(value);
    return flag ? [flag] : [];
  });
}

/** Paths that go into `#SBATCH` lines: a quote, a backslash or a newline would break the line, `%` is Slurm's pattern sign. */
function checkPath(field: string, path: string, allowPercent: boolean): void {
  if (!path.startsWith('/')) throw new SpecError(`${field}: must be an absolute path, got '${path}'`);
  if (/["\\\n\r]/.test(path) || (!allowPercent && path.includes('%'))) {
    throw new SpecError(
      `${field}: '${path}' has a character Slurm cannot take in a path (quote, backslash, newline or %)`,
    );
  }
}

/** What the spec must satisfy for Slurm beyond Plinth's schema: names, paths and environment. */
export function checkSpec(spec: JobSpec, outputDir: string): void {
  if (spec.partition !== undefined && !NAME.test(spec.partition)) {
    throw new SpecError(
      `partition: '${spec.partition}' is not a Slurm partition name (letters, digits, . _ -)`,
    );
  }
  const gpuType = spec.resources?.gpuType;
  if (gpuType !== undefined) {
    if (!NAME.test(gpuType)) throw new SpecError(`resources.gpuType: '${gpuType}' is not a GPU type name`);
    if (!spec.resources?.gpus)
      throw new SpecError('resources.gpuType: give resources.gpus as well (how many)');
  }
  checkPath('outputDir', outputDir, false);
  if (spec.workingDirectory !== undefined) checkPath('workingDirectory', spec.workingDirectory, true);
  for (const name of Object.keys(spec.env ?? {})) {
    if (/^(SLURM|SBATCH)_/.test(name)) {
      throw new SpecError(`env.${name}: names starting with SLURM_ or SBATCH_ belong to Slurm itself`);
    }
  }
  checkOptions(spec.options ?? {});
}

/** Checks the spec against the partition it will run in, so that Slurm does not leave it pending forever. */
export function checkAgainstPartitions(spec: JobSpec, partitions: SlurmPartition[], fallback?: string): void {
  if (partitions.length === 0) return;
  const wanted = spec.partition ?? fallback;
  const partition = wanted ? partitions.find((p) => p.name === wanted) : partitions.find((p) => p.isDefault);
  const names = partitions.map((p) => p.name).join(', ');
  if (!partition) {
    if (wanted)
      throw new SpecError(`partition: '${wanted}' does not exist on this cluster; partitions: ${names}`);
    return;
  }
  const field = spec.partition ? 'partition' : 'the default partition';
  const r = spec.resources ?? {};
  if (
    r.timeLimitMinutes &&
    partition.maxTimeMinutes !== null &&
    r.timeLimitMinutes > partition.maxTimeMinutes
  ) {
    throw new SpecError(
      `resources.timeLimitMinutes: ${r.timeLimitMinutes} is more than ${field} '${partition.name}' allows (${partition.maxTimeMinutes} minutes)`,
    );
  }
  if (r.cpus && partition.maxCpusPerNode > 0 && r.cpus > partition.maxCpusPerNode) {
    throw new SpecError(
      `resources.cpus: ${r.cpus} is more than any node of '${partition.name}' has (${partition.maxCpusPerNode})`,
    );
  }
  if (r.memoryMb && partition.maxMemoryMbPerNode > 0 && r.memoryMb > partition.maxMemoryMbPerNode) {
    throw new SpecError(
      `resources.memoryMb: ${r.memoryMb} is more than any node of '${partition.name}' has (${partition.maxMemoryMbPerNode} MB)`,
    );
  }
  if (r.gpus) {
    const offered = partition.gpus.filter((g) => !r.gpuType || g.type === r.gpuType);
    const types = partition.gpus.map((g) => g.type ?? 'untyped').join(', ');
    if (offered.length === 0) {
      throw new SpecError(
        r.gpuType
          ? `resources.gpuType: '${r.gpuType}' is not in '${partition.name}'${types ? `; it has ${types}` : ', which has no GPUs'}`
          : `resources.gpus: '${partition.name}' has no GPUs`,
      );
    }
    const most = Math.max(...offered.map((g) => g.maxPerNode));
    if (r.gpus > most) {
      throw new SpecError(
        `resources.gpus: ${r.gpus} is more than any node of '${partition.name}' has (${most})`,
      );
    }
  }
}
