import { cloudTagsCheck } from './cloud-tags.js';
import { noSecretsCheck } from './no-secrets.js';
import { pinnedDependenciesCheck } from './pinned-dependencies.js';
import { requiredFilesCheck } from './required-files.js';
import { storageSafetyCheck } from './storage-safety.js';

export { checkPoint, type Finding, type OutputFile, type PolicyCheck } from './check.js';

/** The policy checks Plinth ships. */
export const builtInChecks = [
  noSecretsCheck,
  requiredFilesCheck,
  pinnedDependenciesCheck,
  cloudTagsCheck,
  storageSafetyCheck,
];
