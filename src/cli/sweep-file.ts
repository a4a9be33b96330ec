import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { CliError } from './cli-error.js';

/**
 * Reads a sweep file (YAML or JSON) holding what POST /api/sweeps takes. A syntax error or a
 * document that is not a mapping fails as CLI_INVALID_SWEEP_FILE with `file:line:col message`;
 * the fields themselves are checked by the server, which names the field of each problem.
 */
export async function readSweepFile(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw CliError.usage(
      `cannot read the sweep file ${path}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`,
    );
  });
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const error = doc.errors[0];
  if (error) {
    throw new CliError('CLI_INVALID_SWEEP_FILE', `${at(error.pos[0])} ${error.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) {
    throw new CliError(
      'CLI_INVALID_SWEEP_FILE',
      `${at(doc.contents?.range?.[0] ?? 0)} a sweep file holds one mapping: name, job, parameters, objective…`,
    );
  }
  return doc.toJS() as Record<string, unknown>;
}
