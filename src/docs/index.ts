/** The docs domain's public surface. */
export { DocsConfigSchema } from './config-schema.js';
export { createDocsModule, type DocsModule } from './docs-module.js';
export { createMarkdown } from './markdown.js';
export { docsMigrations } from './migrations.js';
export { DOCS_PROBLEM_CODES, type DocsProblemCode } from './problem-codes.js';
export { parsePage, renderPage } from './render-page.js';
