/** The scaffolder's public surface: what other domains, the CLI and the web import. */

export { archiveZipAction } from './actions/archive-zip.js';
export { catalogRegisterAction } from './actions/catalog-register.js';
export { fsDeleteAction, fsRenameAction } from './actions/fs-actions.js';
export { gitInitAction, gitPushAction } from './actions/git-actions.js';
export { builtInActions, defineAction } from './actions/index.js';
export { templateRenderAction } from './actions/template-render.js';
export { cloudTagsCheck } from './checks/cloud-tags.js';
export {
  builtInChecks,
  checkPoint,
  type Finding,
  type OutputFile,
  type PolicyCheck,
} from './checks/index.js';
export { noSecretsCheck } from './checks/no-secrets.js';
export { pinnedDependenciesCheck } from './checks/pinned-dependencies.js';
export { requiredFilesCheck } from './checks/required-files.js';
export { storageSafetyCheck } from './checks/storage-safety.js';
export { ScaffolderConfigSchema } from './config-schema.js';
export { ScaffolderEngine } from './engine.js';
export { scaffolderErrors } from './errors.js';
export {
  type ActionContext,
  actionPoint,
  type GitRemote,
  type ScaffolderAction,
  type TaskUser,
} from './extension.js';
export { scaffolderMigrations } from './migrations.js';
export { compilePage, parameterPages, sampleValues, validateParameters } from './parameters.js';
export { createScaffolderModule, type ScaffolderModule, templateLocations } from './scaffolder-module.js';
export * from './schemas.js';
export { standaloneEngine } from './standalone-engine.js';
export { type LoadedTemplate, loadTemplateFolder, readTemplateFolder } from './template-source.js';
