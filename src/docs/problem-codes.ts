import { type FoundLink, linkMessage } from '../core/confined-folder.js';

/**
 * The stable codes of docs problems: something wrong in a Markdown file, shown at its file and line
 * on the same problems page as the catalog's. Not HTTP errors (those are in `errors.ts`).
 */
export const DOCS_PROBLEM_CODES = {
  /** A relative link names a page or file that does not exist in the docs folder. */
  DOCS_LINK_BROKEN: 'A link points to a page or file that does not exist',
  /** A link points to an anchor that no heading of the target page has. */
  DOCS_ANCHOR_BROKEN: 'A link points to a heading that the page does not have',
  /** An image names a file that does not exist in the docs folder. */
  DOCS_IMAGE_MISSING: 'An image file does not exist',
  /** A link or image climbs out of the docs folder (`../` past its root); it is not followed. */
  DOCS_PATH_OUTSIDE: 'A link or image points outside the docs folder',
  /** The front matter is not valid YAML, or a field has the wrong type. */
  DOCS_FRONT_MATTER: 'The front matter is invalid',
  /** The docs folder an entity names (techdocs-ref) cannot be read. */
  DOCS_SOURCE_UNREADABLE: 'The docs folder cannot be read',
  /** A file is larger than a page may be; it is skipped. */
  DOCS_FILE_TOO_LARGE: 'The file is too large to be a page',
  /** A symbolic link is never followed nor served; one leading out of the repository is an error. */
  DOCS_SYMLINK: 'A symbolic link is not followed',
} as const;

export type DocsProblemCode = keyof typeof DOCS_PROBLEM_CODES;

/** A problem found while reading a docs source. */
export interface DocsProblem {
  code: DocsProblemCode;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

/** A link a docs reader did not follow, as a problem at the link. */
export function symlinkProblem(link: FoundLink): DocsProblem {
  return {
    code: 'DOCS_SYMLINK',
    severity: link.outside ? 'error' : 'warning',
    file: link.path,
    line: 1,
    message: linkMessage(link, 'repository'),
  };
}
