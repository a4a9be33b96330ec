import { defineErrors } from '../core/errors.js';

/** The search domain's error codes (documented in docs/reference/errors.md). */
export const searchErrors = defineErrors({
  SEARCH_NO_ENGINE: {
    status: 500,
    message: 'No search engine works on the %s database; registered engines: %s',
  },
  SEARCH_SOURCE_UNKNOWN: { status: 404, message: 'No search source %s; known: %s' },
});
