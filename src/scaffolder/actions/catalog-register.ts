import { Type } from 'typebox';
import { isGitUrl } from '../../gitops/platform-checkout.js';
import { defineAction } from './define-action.js';

/** Registers the new repository's catalog-info file as a catalog location, so its entities appear. */
export const catalogRegisterAction = defineAction({
  id: 'catalog:register',
  description: "Adds the new repository's catalog-info.yaml to the catalog and syncs it",
  sideEffects: true,
  inputSchema: Type.Object(
    {
      repoUrl: Type.String({ minLength: 1, description: 'Git URL of the repository (git:push remoteUrl)' }),
      branch: Type.String({
        default: 'main',
        minLength: 1,
        description: 'Branch to follow (git:push branch)',
      }),
      catalogInfoPath: Type.String({ default: 'catalog-info.yaml', minLength: 1 }),
      name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$', description: 'Location name' }),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    // A template's input comes from whoever runs it: a folder of the Plinth server (its data dir)
    // must never become a catalog location that way. Keepers add folder locations in the config.
    if (!isGitUrl(input.repoUrl)) {
      throw new Error(
        `repoUrl: '${input.repoUrl}' is not a git URL; only a git repository can be registered`,
      );
    }
    if (!context.workspace.has(input.catalogInfoPath)) {
      throw new Error(`the project has no ${input.catalogInfoPath} to register`);
    }
    const { entityRefs } = await context.services.registerLocation(
      {
        name: input.name,
        target: input.repoUrl,
        branch: input.branch,
        path: input.catalogInfoPath,
      },
      context.user,
    );
    context.log(`Registered ${input.catalogInfoPath}: ${entityRefs.join(', ') || 'no entity yet'}`);
    return { entityRef: entityRefs[0] ?? null, entityRefs, location: input.name };
  },
});
