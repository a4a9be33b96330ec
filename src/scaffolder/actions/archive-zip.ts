import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from 'typebox';
import yazl from 'yazl';
import { defineAction } from './define-action.js';

/** Packs the project into a zip that the task page offers as a download. */
export const archiveZipAction = defineAction({
  id: 'archive:zip',
  description: 'Packs the project into a zip file to download',
  sideEffects: true,
  inputSchema: Type.Object(
    {
      name: Type.String({
        pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$',
        description: 'File name, without .zip',
      }),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    if (!context.taskDir) throw new Error('this action needs a task folder');
    await mkdir(context.taskDir, { recursive: true });
    const file = `${input.name}.zip`;
    const zip = new yazl.ZipFile();
    for (const [path, data] of context.workspace.entries()) {
      const executable = data.subarray(0, 2).toString() === '#!';
      zip.addBuffer(data, `${input.name}/${path}`, { mode: executable ? 0o100755 : 0o100644 });
    }
    zip.end();
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(join(context.taskDir as string, file));
      zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
    });
    context.log(`Packed ${context.workspace.paths().length} files into ${file}`);
    return { archive: file, downloadUrl: `/api/tasks/${context.taskId}/archive/${file}` };
  },
});
