import type { Partition } from '../../extension.js';
import { parseDuration, parseGpuGres, parseMemoryMb, parseTres } from './parse-fields.js';
import type { ParseResult } from './parse-squeue.js';

/** What slurm-cli asks sinfo for: one line per partition and node configuration. */
export const SINFO_FORMAT = '%P|%a|%D|%c|%m|%G|%t|%N';

/** A partition as a submit form shows it: its limits and what its nodes offer. */
export type SlurmPartition = Partition;

function keyValues(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const token of line.trim().split(/\s+/)) {
    const eq = token.indexOf('=');
    if (eq > 0) pairs.set(token.slice(0, eq), token.slice(eq + 1));
  }
  return pairs;
}

function minutes(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = parseDuration(value);
  return seconds === null ? null : Math.round(seconds / 60);
}

function memory(value: string | undefined): number | null {
  if (!value || value === 'UNLIMITED' || value === '0') return null;
  return parseMemoryMb(value);
}

function fromScontrol(pairs: Map<string, string>): SlurmPartition | string {
  const name = pairs.get('PartitionName');
  if (!name) return 'a partition line without PartitionName';
  const tres = parseTres(pairs.get('TRES') ?? '');
  const totalCpus = Number(pairs.get('TotalCPUs') ?? tres.cpus ?? 0) || 0;
  return {
    name,
    isDefault: pairs.get('Default') === 'YES',
    state: (pairs.get('State') ?? 'UNKNOWN').toLowerCase(),
    maxTimeMinutes: minutes(pairs.get('MaxTime')),
    defaultTimeMinutes: minutes(pairs.get('DefaultTime')),
    nodes: Number(pairs.get('TotalNodes') ?? 0) || 0,
    totalCpus,
    maxCpusPerNode: 0,
    maxMemoryMbPerNode: 0,
    maxMemoryMbPerCpu: memory(pairs.get('MaxMemPerCPU')),
    defaultMemoryMbPerCpu: memory(pairs.get('DefMemPerCPU')),
    gpus: [],
  };
}

/** Folds one sinfo line (`%P|%a|%D|%c|%m|%G|%t|%N`) into its partition. */
function foldSinfo(partition: SlurmPartition, fields: string[]): void {
  const [, , , cpus, mem, gres] = fields;
  // `%c` and `%m` read `2+` or `64000+` when nodes of the line differ: the number is the smallest.
  const cpuCount = Number.parseInt(cpus ?? '', 10);
  const memMb = Number.parseInt(mem ?? '', 10);
  if (cpuCount > partition.maxCpusPerNode) partition.maxCpusPerNode = cpuCount;
  if (memMb > partition.maxMemoryMbPerNode) partition.maxMemoryMbPerNode = memMb;
  for (const gpu of parseGpuGres(gres ?? '')) {
    const known = partition.gpus.find((g) => g.type === gpu.type);
    if (known) known.maxPerNode = Math.max(known.maxPerNode, gpu.count);
    else partition.gpus.push({ type: gpu.type, maxPerNode: gpu.count });
  }
}

/**
 * Reads `scontrol show partition -o` (limits) and `sinfo -h -a -o SINFO_FORMAT` (what nodes offer)
 * into one list, in scontrol's order. Never throws.
 */
export function parsePartitions(scontrol: string, sinfo: string): ParseResult<SlurmPartition> {
  const rows: SlurmPartition[] = [];
  const problems: string[] = [];
  for (const line of scontrol.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = fromScontrol(keyValues(line));
    if (typeof parsed === 'string') problems.push(parsed);
    else rows.push(parsed);
  }
  for (const line of sinfo.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split('|');
    const name = (fields[0] ?? '').replace(/\*$/, '');
    const partition = rows.find((p) => p.name === name);
    if (!partition || fields.length < 6) {
      problems.push(`sinfo line for no known partition: ${line}`);
      continue;
    }
    if ((fields[0] ?? '').endsWith('*')) partition.isDefault = true;
    foldSinfo(partition, fields);
  }
  for (const p of rows) p.gpus.sort((a, b) => String(a.type).localeCompare(String(b.type)));
  return { rows, problems };
}
