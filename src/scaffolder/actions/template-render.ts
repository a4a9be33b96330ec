import { Type } from 'typebox';
import { renderSkeleton } from '../render.js';
import { defineAction } from './define-action.js';

/** Renders a folder of the template (its skeleton) into the new project. */
export const templateRenderAction = defineAction({
  id: 'template:render',
  description: 'Renders a folder of the template with Liquid (contents and names) into the project',
  sideEffects: false,
  inputSchema: Type.Object(
    {
      url: Type.String({ default: './skeleton', description: 'Folder of the template to render' }),
      targetPath: Type.Optional(Type.String({ description: 'Sub-folder of the project to render into' })),
      values: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), { description: 'Extra values, seen as `values.*`' }),
      ),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    const files = await context.readSkeleton(input.url);
    const values = {
      ...context.values,
      values: { ...(context.values.parameters as object), ...input.values },
    };
    const written = await renderSkeleton(context.liquid, files, values, context.workspace, {
      targetPath: input.targetPath?.replace(/^\.?\/+|\/+$/g, '') || undefined,
      deadlineMs: context.renderDeadlineMs,
      label: input.url.replace(/^\.\//, ''),
    });
    context.log(`Rendered ${written.length} files from ${input.url}`);
    return { files: written.length };
  },
});
