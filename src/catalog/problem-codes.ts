/**
 * The stable codes of catalog problems. A problem is something wrong in a catalog file, shown
 * at its file and line; it is not an HTTP error (those are in `catalog-errors.ts`). Scripts and
 * the web filter on these codes, so a code is never renamed or reused.
 */
export const CATALOG_PROBLEM_CODES = {
  /** The file is not valid YAML (bad indentation, unclosed quote, a key written twice…). */
  CATALOG_YAML_SYNTAX: 'The file is not valid YAML',
  /** The file is too large, too deeply nested, has too many documents or aliases. */
  CATALOG_YAML_LIMIT: 'The file exceeds a size, nesting, document or alias limit',
  /** A YAML document is not an entity: not a mapping, or without kind or metadata.name. */
  CATALOG_NOT_AN_ENTITY: 'A YAML document is not a catalog entity',
  /** The kind is unknown, or is not defined under the apiVersion given. */
  CATALOG_UNKNOWN_KIND: 'The kind (or its apiVersion) is not known',
  /** A field is missing, has the wrong type or a value that is not allowed. */
  CATALOG_SCHEMA: 'A field does not follow the rules of the kind',
  /** A reference to another entity cannot be read, or names a kind that is not allowed there. */
  CATALOG_INVALID_REF: 'A reference to another entity is malformed or of the wrong kind',
  /** Two documents define the same entity (same kind, namespace and name). */
  CATALOG_DUPLICATE_REF: 'The same entity is defined twice',
  /** A reference names an entity that is not in the catalog. */
  CATALOG_DANGLING_REF: 'A reference names an entity that does not exist',
  /** The job file an entity's plinth.dev/job annotation names is missing, outside the repository or broken. */
  CATALOG_JOB_FILE: 'The job file an entity points at is missing or broken',
  /** A folder holds more files or bytes than a location may. */
  CATALOG_FOLDER_LIMIT: 'The folder holds too many files or too many bytes',
  /** A symbolic link is never followed; one leading out of the folder or repository is an error. */
  CATALOG_SYMLINK: 'A symbolic link is not followed',
} as const;

/** One of {@link CATALOG_PROBLEM_CODES}. */
export type CatalogProblemCode = keyof typeof CATALOG_PROBLEM_CODES;
