import { archiveZipAction } from './archive-zip.js';
import { catalogRegisterAction } from './catalog-register.js';
import { fsDeleteAction, fsRenameAction } from './fs-actions.js';
import { gitInitAction, gitPushAction } from './git-actions.js';
import { templateRenderAction } from './template-render.js';

export { defineAction } from './define-action.js';

/** The actions Plinth ships; a new provider is one more adapter here, not a change to the runner. */
export const builtInActions = [
  templateRenderAction,
  fsRenameAction,
  fsDeleteAction,
  gitInitAction,
  gitPushAction,
  catalogRegisterAction,
  archiveZipAction,
];
