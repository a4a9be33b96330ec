import type { Static, TSchema } from 'typebox';
import { type Adapter, adapter } from '../../core/extension.js';
import { type ActionContext, actionAdapterName, actionPoint, type ScaffolderAction } from '../extension.js';

/**
 * Declares an action as an adapter of `actionPoint`, with its input typed from its schema.
 * @example
 * export const fsDelete = defineAction({ id: 'fs:delete', description: 'Deletes files', sideEffects: false,
 *   inputSchema: Type.Object({ files: Type.Array(Type.String()) }), run: async (ctx, input) => ({}) });
 */
export function defineAction<S extends TSchema>(definition: {
  id: string;
  description: string;
  sideEffects: boolean;
  inputSchema: S;
  run(context: ActionContext, input: Static<S>): Promise<Record<string, unknown>>;
}): Adapter<ScaffolderAction> {
  const action: ScaffolderAction = {
    ...definition,
    run: (context, input) => definition.run(context, input as Static<S>),
  };
  return adapter(actionPoint, {
    name: actionAdapterName(definition.id),
    description: definition.description,
    capabilities: { id: definition.id, sideEffects: definition.sideEffects },
    configSchema: undefined,
    create: () => action,
  });
}
