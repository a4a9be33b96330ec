import { defineErrors } from '../core/errors.js';

/** The docs domain's error codes (documented in docs/reference/errors.md). */
export const docsErrors = defineErrors({
  DOCS_PAGE_NOT_FOUND: { status: 404, message: 'No docs page %s' },
  DOCS_NOT_A_GUIDE: { status: 400, message: '%s is not a guide: only guides have steps to tick' },
  DOCS_STEP_NOT_FOUND: { status: 404, message: 'The guide %s has no step %s' },
  DOCS_ASSET_NOT_FOUND: { status: 404, message: 'No file %s in the docs' },
});
