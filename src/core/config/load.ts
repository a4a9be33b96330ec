import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Value } from 'typebox/value';
import { LineCounter, parseDocument } from 'yaml';
import { coerceEnvValue, configKeys } from './env.js';
import { type Config, ConfigSchema } from './schema.js';

/** Thrown when the configuration is invalid; the message names each bad key and where it came from. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Config file; default `$PLINTH_CONFIG`, else `plinth.yaml` in cwd when it exists. */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Highest precedence, e.g. command-line flags. */
  overrides?: Record<string, unknown>;
  cwd?: string;
}

export interface LoadedConfig {
  config: Config;
  /** Non-fatal notes for the operator, e.g. an unknown PLINTH_* variable. */
  warnings: string[];
  configFile?: string;
}

type Sources = Map<string, string>;
type Tree = Record<string, unknown>;

function setIn(tree: Tree, path: string[], value: unknown) {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1] as string] = value;
}

function mergeInto(target: Tree, source: Tree, sources: Sources, label: string, prefix: string[] = []) {
  for (const [key, value] of Object.entries(source)) {
    const path = [...prefix, key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      mergeInto(target[key] as Tree, value as Tree, sources, label, path);
    } else if (value !== undefined) {
      target[key] = value;
      if (!sources.has(path.join('.')) || label !== 'env') sources.set(path.join('.'), label);
    }
  }
}

function readFileLayer(file: string, problems: string[]): { tree: Tree; lineOf: (path: string) => string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: true });
  for (const error of doc.errors) {
    const pos = error.linePos?.[0];
    problems.push(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${error.message.split('\n')[0]}`);
  }
  let value: unknown = {};
  if (!doc.errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      // Unresolved or exploding aliases surface only when the document is converted.
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${file}: the file must be a mapping of keys to values`);
    return { tree: {}, lineOf: () => file };
  }
  const lineOf = (path: string) => {
    const node = doc.getIn(path.split('.'), true) as { range?: [number] } | undefined;
    const start = node?.range?.[0];
    return start === undefined ? file : `${file}:${lineCounter.linePos(start).line}`;
  };
  return { tree: value as Tree, lineOf };
}

function readEnvLayer(env: NodeJS.ProcessEnv, sources: Sources, warnings: string[]): Tree {
  const tree: Tree = {};
  const keys = configKeys(ConfigSchema);
  const known = new Set(keys.map((k) => k.envName));
  for (const key of keys) {
    const raw = env[key.envName];
    if (raw === undefined || raw === '') continue;
    setIn(tree, key.path, coerceEnvValue(raw, key.schema));
    sources.set(key.path.join('.'), key.envName);
  }
  for (const name of Object.keys(env)) {
    // PLINTH_CONFIG names the file itself; PLINTH_TEST_* belong to the test suite.
    if (!name.startsWith('PLINTH_') || known.has(name) || name === 'PLINTH_CONFIG') continue;
    if (name.startsWith('PLINTH_TEST_')) continue;
    warnings.push(`Unknown setting ${name} in the environment is ignored`);
  }
  return tree;
}

/** Builds the typed configuration: defaults < config file < PLINTH_* environment < overrides. */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const problems: string[] = [];
  const warnings: string[] = [];
  const sources: Sources = new Map();
  const merged: Tree = {};
  let lineOf = (path: string) => path;

  const explicit = options.configPath ?? env.PLINTH_CONFIG;
  const configFile = explicit ? resolve(cwd, explicit) : resolve(cwd, 'plinth.yaml');
  const hasFile = existsSync(configFile);
  if (explicit && !hasFile) problems.push(`Config file ${configFile} does not exist`);
  if (hasFile) {
    const layer = readFileLayer(configFile, problems);
    lineOf = layer.lineOf;
    mergeInto(merged, layer.tree, sources, 'file');
  }
  mergeInto(merged, readEnvLayer(env, sources, warnings), sources, 'env');
  mergeInto(merged, options.overrides ?? {}, sources, 'command line');

  const config = Value.Default(ConfigSchema, Value.Clone(merged)) as Config;
  for (const error of Value.Errors(ConfigSchema, config)) {
    if (error.keyword === 'boolean') continue; // the additionalProperties error below says it better
    const path = error.instancePath.slice(1).replaceAll('/', '.');
    const extra = (error.params as { additionalProperties?: string[] }).additionalProperties;
    if (extra) {
      for (const key of extra) {
        const full = path ? `${path}.${key}` : key;
        problems.push(`${full}: unknown setting (in ${lineOf(full)})`);
      }
      continue;
    }
    const source = sources.get(path);
    const where = source === 'file' ? lineOf(path) : (source ?? 'default');
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const message = allowed ? `must be one of ${allowed.join(', ')}` : error.message;
    problems.push(`${path || '(root)'}: ${message} (from ${where})`);
  }
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return { config, warnings, configFile: hasFile ? configFile : undefined };
}
