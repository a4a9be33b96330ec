/** The flags of `job submit` that set fields of the spec, already parsed. */
export interface SpecFlags {
  name?: string;
  executor?: string;
  cpus?: number;
  /** `--memory`, in MB. */
  memory?: number;
  gpus?: number;
  /** `--time`, in minutes. */
  time?: number;
  partition?: string;
  array?: string;
  label?: Record<string, string>;
  env?: Record<string, string>;
  team?: string;
  workdir?: string;
}

/** The spec to send, and the fields the flags set (an error about those is not the file's). */
export interface BuiltSpec {
  spec: Record<string, unknown>;
  fromFlags: string[];
}

/**
 * Builds the spec `POST /api/jobs` takes from a job file's fields (or nothing), the flags, and the
 * argv given after `--`. Flags win over the file; labels and env are merged key by key, and an argv
 * replaces the file's command or script. The name defaults to the basename of the program.
 * @example buildSpec({}, { cpus: 2 }, ['python', 'train.py']).spec
 * // { name: 'python', command: ['python', 'train.py'], resources: { cpus: 2 } }
 */
export function buildSpec(
  file: Record<string, unknown>,
  flags: SpecFlags,
  argv: readonly string[],
): BuiltSpec {
  const spec: Record<string, unknown> = { ...file };
  const fromFlags: string[] = [];
  const set = (field: string, value: unknown) => {
    if (value === undefined) return;
    spec[field] = value;
    fromFlags.push(field);
  };
  if (argv.length > 0) {
    delete spec.script;
    set('command', [...argv]);
  }
  set('name', flags.name);
  set('executor', flags.executor);
  set('partition', flags.partition);
  set('array', flags.array);
  set('team', flags.team);
  set('workingDirectory', flags.workdir);
  const resources = {
    cpus: flags.cpus,
    memoryMb: flags.memory,
    gpus: flags.gpus,
    timeLimitMinutes: flags.time,
  };
  spec.resources = merge(spec.resources, resources, 'resources', fromFlags);
  spec.labels = merge(spec.labels, flags.label, 'labels', fromFlags);
  spec.env = merge(spec.env, flags.env, 'env', fromFlags);
  for (const field of ['resources', 'labels', 'env']) if (spec[field] === undefined) delete spec[field];
  const name = spec.name ?? nameOf(spec.command);
  // The name first, as people write it in files, so that --dry-run reads the same way.
  return { spec: name === undefined ? spec : { name, ...spec }, fromFlags };
}

/** The file's object with the flags' keys set over it; undefined when neither has any. */
function merge(
  fromFile: unknown,
  flags: Record<string, unknown> | undefined,
  field: string,
  fromFlags: string[],
): unknown {
  const given = Object.entries(flags ?? {}).filter(([, value]) => value !== undefined);
  if (given.length === 0) return fromFile;
  // A file value that is not an object is the file's mistake; the flags replace it.
  const base = typeof fromFile === 'object' && fromFile !== null && !Array.isArray(fromFile) ? fromFile : {};
  fromFlags.push(...given.map(([key]) => `${field}.${key}`));
  return { ...base, ...Object.fromEntries(given) };
}

/**
 * A job name from a command: its program's basename, made to fit the name rule (letters,
 * digits, `.`, `_`, `-`, starting with a letter or digit, at most 100 characters).
 * @example nameOf(['./bin/train model.py']) // 'train-model.py'
 */
export function nameOf(command: unknown): string | undefined {
  if (!Array.isArray(command) || typeof command[0] !== 'string') return undefined;
  const base =
    command[0]
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .pop() ?? '';
  const name = base
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return name === '' ? undefined : name;
}
