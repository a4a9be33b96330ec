import { readFile } from 'node:fs/promises';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar } from 'yaml';
import { CliError } from './cli-error.js';

/** A job file as read: its path as given, the document, and where each field of it is. */
export interface JobFile {
  path: string;
  /** The fields of the file, unchecked: the server checks them (unknown keys are refused here). */
  spec: Record<string, unknown>;
  /** `file:line:col` of a field such as `resources.cpus`, or of the nearest enclosing field present. */
  locate(field: string): string;
}

/** A plain-schema view of the JobSpec: enough to find the keys that are not job fields. */
interface ObjectSchema {
  type?: unknown;
  properties?: Record<string, ObjectSchema>;
  additionalProperties?: unknown;
}

/**
 * Reads a job file, YAML or JSON (YAML reads both), holding the document `POST /api/jobs` takes.
 * A syntax error, a document that is not a mapping or a key that is not a job field fails as
 * CLI_INVALID_JOB_FILE (exit 7) with `file:line:col message`.
 * @example const file = await readJobFile('job.yaml'); // file.spec.name === 'train'
 */
export async function readJobFile(path: string): Promise<JobFile> {
  const text = await readFile(path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw CliError.usage(
      `cannot read the job file ${path}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`,
    );
  });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const syntax = doc.errors.map((error) => `${at(error.pos[0])} ${yamlMessage(error.code, error.message)}`);
  if (syntax.length > 0) throw invalidFile(syntax);
  if (!isMap(doc.contents)) {
    const where = at(doc.contents?.range?.[0] ?? 0);
    throw invalidFile([`${where} a job file holds one mapping: name, then command or script, resources…`]);
  }
  const locate = (field: string) => at(fieldOffset(doc, field));
  const spec = doc.toJS() as Record<string, unknown>;
  const { JobSpec } = await import('../compute/job-spec.js');
  const unknown = unknownKeys(JobSpec as ObjectSchema, spec).map(
    (field) => `${locate(field)} ${field}: not a job field (check its spelling)`,
  );
  if (unknown.length > 0) throw invalidFile(unknown);
  return { path, spec, locate };
}

function invalidFile(lines: string[]): CliError {
  const message =
    lines.length === 1 ? (lines[0] as string) : `the job file is invalid:\n  ${lines.join('\n  ')}`;
  return new CliError('CLI_INVALID_JOB_FILE', message, { details: lines });
}

function yamlMessage(code: string, message: string): string {
  return code === 'MULTIPLE_DOCS' ? 'a job file holds one YAML document; remove the ---' : message;
}

/**
 * The keys of `value` that its schema does not know, as dotted paths. The server drops them
 * silently, so a misspelt `memroyMb` would otherwise run the job without the memory asked for.
 */
export function unknownKeys(schema: ObjectSchema, value: unknown, prefix = ''): string[] {
  if (schema.type !== 'object' || schema.properties === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const properties = schema.properties;
  return Object.entries(value).flatMap(([key, inner]) => {
    const field = `${prefix}${key}`;
    const known = properties[key];
    if (known === undefined) return schema.additionalProperties === false ? [field] : [];
    return unknownKeys(known, inner, `${field}.`);
  });
}

/** Where a field's key starts in the document: the deepest part of its path that the file has. */
function fieldOffset(doc: Document, field: string): number {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? 0;
  for (const part of field.split('.')) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === part);
      if (pair === undefined) break;
      offset = (pair.key as Scalar).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)] as { range?: [number, number, number] } | undefined;
      if (item?.range === undefined) break;
      offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * The server's refusal of a spec read from a file, with `file:line:col` before each problem that
 * is about a field of the file (not one a flag set); any other error is returned as it is.
 */
export function placeErrors(error: unknown, file: JobFile, fromFlags: readonly string[]): unknown {
  if (!(error instanceof CliError) || error.status !== 400) return error;
  const issues = issuesOf(error);
  const inFile = (field: string) => !fromFlags.some((flag) => field === flag || field.startsWith(`${flag}.`));
  if (!issues.some((issue) => inFile(issue.field))) return error;
  const lines = issues.map(
    ({ field, message }) => `${inFile(field) ? `${file.locate(field)} ` : ''}${field}: ${message}`,
  );
  const message = lines.length === 1 ? (lines[0] as string) : `the job is invalid:\n  ${lines.join('\n  ')}`;
  return new CliError(error.code, message, { status: error.status, details: error.details, cause: error });
}

/** The fields a refusal names: in its details, or at the start of its message (`executor: …`). */
function issuesOf(error: CliError): { field: string; message: string }[] {
  if (Array.isArray(error.details)) {
    return error.details.flatMap((detail: unknown) => {
      const { field, message } = (detail ?? {}) as { field?: unknown; message?: unknown };
      return typeof field === 'string' && field !== '' && typeof message === 'string'
        ? [{ field, message }]
        : [];
    });
  }
  const match = /^([A-Za-z]\w*(?:\.\w+)*): (.+)$/s.exec(error.message);
  return match === null ? [] : [{ field: match[1] as string, message: match[2] as string }];
}
