import { closeSync, openSync, readSync } from 'node:fs';

/** A secret is a key, a password or a small JSON list; anything bigger is the wrong file. */
const MAX_SECRET_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a secret file could not be used; the message names the variable and the path, never the content. */
export class SecretFileError extends Error {}

function readBounded(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // Read in a loop, not by size: a named pipe or /dev/stdin has no size, /dev/zero no end.
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_SECRET_FILE_BYTES) {
        throw new SecretFileError(`is larger than ${MAX_SECRET_FILE_BYTES} bytes`);
      }
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the value of a secret setting from the file a `PLINTH_*_FILE` variable names, as Docker
 * and Kubernetes secrets mount them: UTF-8 text, the trailing newline an editor or `echo` adds
 * removed.
 * @example readSecretFile('/run/secrets/plinth-key', 'PLINTH_SECRET_KEY_FILE')
 */
export function readSecretFile(path: string, variable: string): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(path);
  } catch (error) {
    const reason =
      error instanceof SecretFileError ? error.message : ((error as NodeJS.ErrnoException).code ?? 'error');
    throw new SecretFileError(`${variable}: cannot read ${path}: ${describe(reason)}`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new SecretFileError(`${variable}: ${path} is not UTF-8 text`);
  }
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const value = text.slice(0, end);
  if (value === '') throw new SecretFileError(`${variable}: ${path} is empty`);
  return value;
}

function describe(reason: string): string {
  switch (reason) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the file must be readable by the account that runs Plinth)';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return reason;
  }
}
