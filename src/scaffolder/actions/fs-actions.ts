import { Type } from 'typebox';
import { scaffolderErrors } from '../errors.js';
import { safeRelativePath } from '../safe-path.js';
import { defineAction } from './define-action.js';

function checked(path: string, field: string): string {
  const safe = safeRelativePath(path);
  if ('reason' in safe)
    throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([`${field} '${path}'`, safe.reason]);
  return safe.path;
}

/** Renames (moves) files or folders inside the project. */
export const fsRenameAction = defineAction({
  id: 'fs:rename',
  description: 'Renames files or folders of the project',
  sideEffects: false,
  inputSchema: Type.Object(
    {
      files: Type.Array(
        Type.Object(
          { from: Type.String({ minLength: 1 }), to: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
      overwrite: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    const ws = context.workspace;
    let moved = 0;
    for (const pair of input.files) {
      const from = checked(pair.from, 'from');
      const to = checked(pair.to, 'to');
      const sources = ws.paths().filter((p) => p === from || p.startsWith(`${from}/`));
      if (sources.length === 0) throw new Error(`'${from}' does not exist in the project`);
      for (const source of sources) {
        const target = to + source.slice(from.length);
        if (ws.has(target) && !input.overwrite) {
          throw new Error(`'${target}' already exists; set overwrite: true to replace it`);
        }
        const data = ws.read(source) as Buffer;
        ws.delete(source);
        ws.write(target, data);
        moved += 1;
      }
      context.log(`Renamed ${from} to ${to}`);
    }
    return { moved };
  },
});

/** Deletes files or folders from the project. */
export const fsDeleteAction = defineAction({
  id: 'fs:delete',
  description: 'Deletes files or folders from the project',
  sideEffects: false,
  inputSchema: Type.Object(
    { files: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }) },
    { additionalProperties: false },
  ),
  async run(context, input) {
    let deleted = 0;
    for (const raw of input.files) {
      const path = checked(raw, 'files');
      for (const p of context.workspace.paths()) {
        if (p === path || p.startsWith(`${path}/`)) {
          context.workspace.delete(p);
          deleted += 1;
        }
      }
    }
    context.log(`Deleted ${deleted} files`);
    return { deleted };
  },
});
