import { posix } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { parseYamlBounded, YamlLimitError } from '../core/yaml-limits.js';
import type { CatalogProblem, ParsedEntity } from './model.js';
import type { CatalogFile } from './validate-revision.js';

/** The annotation that points from an entity (a simulation, a model) to the job that runs it. */
export const JOB_ANNOTATION = 'plinth.dev/job';

/** Largest job file read; a job spec is a few lines, a bigger file is a mistake. */
const MAX_JOB_FILE_BYTES = 64 * 1024;

/** The job file an entity points at, as read at the same commit as the entity. */
export interface EntityJob {
  /** Path in the location, as the catalog files are named. */
  file: string;
  text: string;
}

/**
 * Resolves `plinth.dev/job: jobs/train.yaml` against the folder of the entity's own file. The
 * target must stay inside the location (no absolute path, no way out with ..).
 */
export function jobFilePath(entityFile: string, annotation: string): string | null {
  const value = annotation.trim();
  if (value === '' || value.startsWith('/') || /^[a-z]+:/i.test(value)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(entityFile), value));
  return joined === '..' || joined.startsWith('../') ? null : joined;
}

function problemAt(parsed: ParsedEntity, message: string, code: CatalogProblem['code']): CatalogProblem {
  const field = `metadata.annotations.${JOB_ANNOTATION}`;
  const at = parsed.fieldPositions.get(field) ??
    parsed.fieldPositions.get('metadata.annotations') ?? { line: parsed.position.line, column: 1 };
  return {
    file: parsed.position.file,
    line: at.line,
    column: at.column,
    code,
    severity: 'error',
    message: `${field}: ${message}`,
    entityRef: parsed.ref,
    field,
  };
}

/**
 * Whether the job file nests too deep, refers to itself through an alias, or expands too far:
 * the entity page parses it again for every visitor, so it must be safe to parse.
 */
function shapeProblem(text: string): { line: number; col: number; message: string } | null {
  try {
    parseYamlBounded(text);
    return null;
  } catch (error) {
    if (!(error instanceof YamlLimitError)) return null; // a syntax error: reported below, with its place
    const at = error.linePos[0] ?? { line: 1, col: 1 };
    return { line: at.line, col: at.col, message: error.message };
  }
}

/** Where in the job file its first syntax error is, as a problem of the entity that points at it. */
function checkJobText(file: string, text: string, parsed: ParsedEntity): CatalogProblem | null {
  const shape = shapeProblem(text);
  if (shape) {
    return {
      file,
      line: shape.line,
      column: shape.col,
      code: 'CATALOG_JOB_FILE',
      severity: 'error',
      message: `this job file of ${parsed.ref} cannot be used: ${shape.message}`,
      entityRef: parsed.ref,
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    return {
      file,
      line,
      column: col,
      code: 'CATALOG_JOB_FILE',
      severity: 'error',
      message: `this job file of ${parsed.ref} is not valid YAML: ${error.message.split('\n')[0]}`,
      entityRef: parsed.ref,
    };
  }
  if (!isMap(doc.contents)) {
    return {
      file,
      line: 1,
      column: 1,
      code: 'CATALOG_JOB_FILE',
      severity: 'error',
      message: `this job file of ${parsed.ref} must be one mapping (name, then command or script, resources…)`,
      entityRef: parsed.ref,
    };
  }
  return null;
}

/**
 * Finds, for each entity with a `plinth.dev/job` annotation, the job file in the same revision.
 * A missing, escaping, oversized or unreadable file is a problem of that entity; the entity itself
 * stays valid (its page simply has no Run button).
 */
export function attachJobs(
  entities: readonly ParsedEntity[],
  files: readonly CatalogFile[],
): { jobs: Map<string, EntityJob>; problems: CatalogProblem[] } {
  const jobs = new Map<string, EntityJob>();
  const problems: CatalogProblem[] = [];
  const wanted = entities.filter((e) => typeof e.entity.metadata.annotations?.[JOB_ANNOTATION] === 'string');
  if (wanted.length === 0) return { jobs, problems };
  const byPath = new Map(files.map((f) => [posix.normalize(f.path), f]));
  for (const parsed of wanted) {
    const value = parsed.entity.metadata.annotations?.[JOB_ANNOTATION] as string;
    const path = jobFilePath(parsed.position.file, value);
    if (path === null) {
      problems.push(
        problemAt(
          parsed,
          `'${value}' must be a path relative to this file, inside the repository`,
          'CATALOG_JOB_FILE',
        ),
      );
      continue;
    }
    const file = byPath.get(path);
    if (!file) {
      problems.push(
        problemAt(
          parsed,
          `'${value}' names ${path}, which is not in this location (a YAML job file is expected)`,
          'CATALOG_JOB_FILE',
        ),
      );
      continue;
    }
    if (file.text.length > MAX_JOB_FILE_BYTES) {
      problems.push(
        problemAt(
          parsed,
          `${path} is larger than ${MAX_JOB_FILE_BYTES / 1024} KiB; a job file is a few lines`,
          'CATALOG_JOB_FILE',
        ),
      );
      continue;
    }
    const broken = checkJobText(file.path, file.text, parsed);
    if (broken) {
      problems.push(broken);
      continue;
    }
    jobs.set(parsed.ref, { file: file.path, text: file.text });
  }
  return { jobs, problems };
}
