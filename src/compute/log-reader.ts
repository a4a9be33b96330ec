import { open, stat } from 'node:fs/promises';
import { arrayIndices } from './array-range.js';
import type { JobsTable } from './tables.js';

/** The log file of a job (or of one array task: the first task of the range by default), or null. */
export function logPath(row: JobsTable, stream: 'stdout' | 'stderr', task?: number): string | null {
  const template = stream === 'stdout' ? row.stdout_path : row.stderr_path;
  if (!template) return null;
  const range = (JSON.parse(row.spec) as { array?: string }).array;
  const first = range ? (arrayIndices(range)[0] ?? 0) : 0;
  return template.replace('{task}', String(task ?? first));
}

/** Reads up to `limit` bytes from `offset`; a missing file reads as empty (the job has not written yet). */
export async function readLogChunk(path: string | null, offset: number, limit: number) {
  if (!path) return { text: '', offset, nextOffset: offset, size: 0 };
  const info = await stat(path).catch(() => null);
  if (!info || info.size <= offset) return { text: '', offset, nextOffset: offset, size: info?.size ?? 0 };
  const handle = await open(path, 'r');
  try {
    const length = Math.min(limit, info.size - offset);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    // Never cut a UTF-8 character in two: stop before an incomplete trailing sequence.
    let end = bytesRead;
    while (end > 0 && end > bytesRead - 4 && ((buffer[end - 1] as number) & 0xc0) === 0x80) end--;
    if (end > 0 && ((buffer[end - 1] as number) & 0xc0) === 0xc0) end--;
    if (end === 0 || offset + bytesRead === info.size) end = bytesRead;
    return {
      text: buffer.subarray(0, end).toString('utf8'),
      offset,
      nextOffset: offset + end,
      size: info.size,
    };
  } finally {
    await handle.close();
  }
}
