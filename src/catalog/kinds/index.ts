import type { EntityKind } from '../extension.js';
import { kindAdapter } from '../extension.js';
import { apiKind } from './api.js';
import { componentKind } from './component.js';
import { datasetKind } from './dataset.js';
import { domainKind } from './domain.js';
import { groupKind } from './group.js';
import { locationKind } from './location.js';
import { resourceKind } from './resource.js';
import { systemKind } from './system.js';
import { technologyKind } from './technology.js';
import { userKind } from './user.js';

export { ApiSpec } from './api.js';
export { BACKSTAGE_V1ALPHA1, LIFECYCLES, PLINTH_V1ALPHA1 } from './common.js';
export { ComponentSpec } from './component.js';
export { DatasetSpec, SENSITIVITIES } from './dataset.js';
export { DomainSpec } from './domain.js';
export { GroupSpec } from './group.js';
export { LocationSpec } from './location.js';
export { ResourceSpec } from './resource.js';
export { SystemSpec } from './system.js';
export { RINGS, TechnologySpec } from './technology.js';
export { SCAFFOLDER_V1BETA3, TemplateCheck, TemplateSpec, TemplateStep, templateKind } from './template.js';
export { withoutTemplateSkeletons } from './template-skeleton.js';
export { UserSpec } from './user.js';

/** The kinds Plinth knows out of the box: Backstage's (but Template) and Plinth's research kinds. */
export const builtInKinds: readonly EntityKind[] = [
  apiKind,
  componentKind,
  datasetKind,
  domainKind,
  groupKind,
  locationKind,
  resourceKind,
  systemKind,
  technologyKind,
  userKind,
];

/** The built-in kinds as adapters of `catalogKindPoint`, for the extension registry. */
export const builtInKindAdapters = builtInKinds.map(kindAdapter);
