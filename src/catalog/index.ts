/**
 * The catalog's parsing and validation: what other domains, the CLI and the web import.
 * The shared vocabulary (Entity, ParsedEntity, CatalogProblem, Relation…) is in `model.ts`,
 * re-exported here.
 */

export { attachJobs, JOB_ANNOTATION } from './entity-job.js';
export type { EntityKind, OutgoingRelation, RefHelper, RefTarget } from './extension.js';
export { catalogKindPoint, kindAdapter } from './extension.js';
export { formatProblem, formatSummary, type ProblemSummary, summarizeProblems } from './format-problem.js';
export {
  createKindRegistry,
  defaultKindRegistry,
  type KindRegistry,
  kindRegistryFrom,
  type RegisteredKind,
} from './kind-registry.js';
export {
  ApiSpec,
  BACKSTAGE_V1ALPHA1,
  builtInKindAdapters,
  builtInKinds,
  ComponentSpec,
  DatasetSpec,
  DomainSpec,
  GroupSpec,
  LIFECYCLES,
  LocationSpec,
  PLINTH_V1ALPHA1,
  ResourceSpec,
  RINGS,
  SCAFFOLDER_V1BETA3,
  SENSITIVITIES,
  SystemSpec,
  TechnologySpec,
  TemplateCheck,
  TemplateSpec,
  TemplateStep,
  templateKind,
  UserSpec,
  withoutTemplateSkeletons,
} from './kinds/index.js';
export * from './model.js';
export { DEFAULT_PARSE_LIMITS, type ParsedFile, type ParseLimits, parseCatalogFile } from './parse-yaml.js';
export { CATALOG_PROBLEM_CODES, type CatalogProblemCode } from './problem-codes.js';
export {
  DEFAULT_FOLDER_LIMITS,
  type FolderContents,
  type FolderLimits,
  readCatalogFolder,
  symlinkProblem,
} from './read-folder.js';
export {
  DEFAULT_NAMESPACE,
  type EntityRefDefaults,
  type EntityRefParts,
  type EntityRefResult,
  entityRefOf,
  formatEntityRef,
  isValidEntityName,
  isValidKind,
  isValidNamespace,
  parseEntityRef,
} from './refs.js';
export { type SourceLinks, sourceLinks, webBaseOf } from './source-links.js';
export { validateEntity } from './validate-entity.js';
export {
  type CatalogFile,
  type UnresolvedRelation,
  type ValidatedCatalog,
  type ValidateRevisionOptions,
  validateRevision,
} from './validate-revision.js';
