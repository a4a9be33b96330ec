import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Value } from 'typebox/value';
import { LineCounter, parseDocument } from 'yaml';
import { assertYamlDepth, assertYamlValueShape, type YamlLimitError } from '../yaml-limits.js';
import { configKeys } from './env.js';
import { readEnvLayer } from './env-layer.js';
import { type Config, ConfigSchema } from './schema.js';
import { trustProxyProblems } from './trust-proxy.js';

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
  const text = readFileSync(file, 'utf8');
  try {
    assertYamlDepth(text);
  } catch (error) {
    const pos = (error as YamlLimitError).linePos[0];
    problems.push(`${file}:${pos?.line}:${pos?.col}: ${(error as Error).message}`);
    return { tree: {}, lineOf: () => file };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  for (const error of doc.errors) {
    const pos = error.linePos?.[0];
    problems.push(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${error.message.split('\n')[0]}`);
  }
  let value: unknown = {};
  if (!doc.errors.length) {
    try {
      const converted = doc.toJS({ maxAliasCount: 100 }) ?? {};
      assertYamlValueShape(converted); // an alias inside its own anchor makes a cyclic value
      value = converted;
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
  const envLayer = readEnvLayer(env);
  problems.push(...envLayer.problems);
  warnings.push(...envLayer.warnings);
  for (const [key, variable] of envLayer.sources) sources.set(key, variable);
  mergeInto(merged, envLayer.tree, sources, 'env');
  mergeInto(merged, options.overrides ?? {}, sources, 'command line');

  const config = Value.Default(ConfigSchema, Value.Clone(merged)) as Config;
  // The nearest key that has a source: an item of a list came with the list.
  const whereFrom = (path: string): string => {
    for (let key = path; key; key = key.slice(0, Math.max(key.lastIndexOf('.'), 0))) {
      const source = sources.get(key);
      if (source) return source === 'file' ? lineOf(path) : source;
    }
    return 'default';
  };
  const errors = [...Value.Errors(ConfigSchema, config)];
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  for (const error of errors) {
    if (error.keyword === 'boolean') continue; // the additionalProperties error below says it better
    const path = error.instancePath.slice(1).replaceAll('/', '.');
    if (error.keyword === 'anyOf') {
      // One line for a setting of several shapes, instead of one per shape it does not fit.
      const shapes = configKeys(ConfigSchema).find((k) => k.path.join('.') === path)?.schema.description;
      problems.push(
        `${path}: is none of the accepted forms${shapes ? ` (${shapes})` : ''} (from ${whereFrom(path)})`,
      );
      continue;
    }
    if (unions.some((u) => error.instancePath === u || error.instancePath.startsWith(`${u}/`))) continue;
    const extra = (error.params as { additionalProperties?: string[] }).additionalProperties;
    if (extra) {
      for (const key of extra) {
        const full = path ? `${path}.${key}` : key;
        problems.push(`${full}: unknown setting (in ${lineOf(full)})`);
      }
      continue;
    }
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const message = allowed ? `must be one of ${allowed.join(', ')}` : error.message;
    problems.push(`${path || '(root)'}: ${message} (from ${whereFrom(path)})`);
  }
  if (!unions.includes('/trustProxy')) {
    for (const [index, reason] of trustProxyProblems(config.trustProxy)) {
      problems.push(`trustProxy.${index}: ${reason} (from ${whereFrom(`trustProxy.${index}`)})`);
    }
  }
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return { config, warnings, configFile: hasFile ? configFile : undefined };
}
