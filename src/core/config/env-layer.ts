import { describeShapeProblem, findShapeProblem, MAX_INPUT_DEPTH, MAX_INPUT_NODES } from '../input-shape.js';
import { type ConfigKey, coerceEnvValue, configKeys, fileVariableOf } from './env.js';
import { ConfigSchema } from './schema.js';
import { readSecretFile, SecretFileError } from './secret-file.js';

type Tree = Record<string, unknown>;

/** What the environment says, with where each key came from and what was wrong. */
export interface EnvLayer {
  tree: Tree;
  /** `auth.sessionTtlHours` → `PLINTH_AUTH_SESSION_TTL_HOURS` (or `…_FILE`). */
  sources: Map<string, string>;
  problems: string[];
  warnings: string[];
}

const LIMITS = { maxDepth: MAX_INPUT_DEPTH, maxNodes: MAX_INPUT_NODES };

function setIn(tree: Tree, path: string[], value: unknown) {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1] as string] = value;
}

/** The raw text of one setting and the variable it came from, or a problem naming the variables. */
function rawValueOf(key: ConfigKey, env: NodeJS.ProcessEnv): { raw: string; from: string } | string | null {
  const direct = env[key.envName];
  const fileVariable = fileVariableOf(key);
  const file = fileVariable ? env[fileVariable] : undefined;
  const hasDirect = direct !== undefined && direct !== '';
  if (fileVariable && file !== undefined && file !== '') {
    if (hasDirect) return `${key.envName} and ${fileVariable} are both set; set only one of them`;
    try {
      return { raw: readSecretFile(file, fileVariable), from: fileVariable };
    } catch (error) {
      if (error instanceof SecretFileError) return error.message;
      throw error;
    }
  }
  return hasDirect ? { raw: direct, from: key.envName } : null;
}

/**
 * Reads every `PLINTH_*` variable of the schema. A setting marked `secret: true` may instead be
 * read from the file its `PLINTH_*_FILE` variable names, so that the secret need not sit in the
 * environment, which other processes of the same user can read through /proc. Values are never
 * put in a message.
 */
export function readEnvLayer(env: NodeJS.ProcessEnv): EnvLayer {
  const layer: EnvLayer = { tree: {}, sources: new Map(), problems: [], warnings: [] };
  const keys = configKeys(ConfigSchema);
  const known = new Set(
    keys.flatMap((k) => {
      const fileVariable = fileVariableOf(k);
      return fileVariable ? [k.envName, fileVariable] : [k.envName];
    }),
  );
  for (const key of keys) {
    const found = rawValueOf(key, env);
    if (found === null) continue;
    if (typeof found === 'string') {
      layer.problems.push(`${key.path.join('.')}: ${found}`);
      continue;
    }
    const value = coerceEnvValue(found.raw, key.schema);
    const shape = findShapeProblem(value, LIMITS);
    if (shape) {
      const { field, message } = describeShapeProblem(shape, LIMITS, key.path.join('.'));
      layer.problems.push(`${field}: ${message} (from ${found.from})`);
      continue;
    }
    setIn(layer.tree, key.path, value);
    layer.sources.set(key.path.join('.'), found.from);
  }
  for (const name of Object.keys(env)) {
    // PLINTH_CONFIG names the file itself; PLINTH_TEST_* belong to the test suite.
    if (!name.startsWith('PLINTH_') || known.has(name) || name === 'PLINTH_CONFIG') continue;
    if (name.startsWith('PLINTH_TEST_')) continue;
    const setting = name.endsWith('_FILE') && keys.find((k) => `${k.envName}_FILE` === name);
    layer.warnings.push(
      setting
        ? `${name} is ignored: only secret settings are read from a file; set ${setting.envName} instead`
        : `Unknown setting ${name} in the environment is ignored`,
    );
  }
  return layer;
}
