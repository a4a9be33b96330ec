import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Reads a file that a job wrote (a sweep trial's metrics) in a folder the job controls. The job
 * may have left a link or a pipe there instead: a link is not followed (it could point at Plinth's
 * own files), anything but a plain file reads as empty, and at most `limit` bytes are read.
 */
export async function readJobWrittenFile(path: string, limit = 1_048_576): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return '';
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return '';
    const buffer = Buffer.alloc(Math.min(limit, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file for a job into a folder the job controls. Written under a fresh name and renamed
 * into place: a link the job planted at `path` is replaced, never written through.
 */
export async function writeForJob(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.plinth-${randomBytes(8).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
