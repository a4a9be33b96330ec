/** The requests domain's public surface: what the server and other domains may import. */
export { RequestsConfigSchema } from './config-schema.js';
export { requestsErrors } from './errors.js';
export { requestsMigrations } from './migrations.js';
export { createRequestsModule, type RequestsModule } from './requests-module.js';
export type { RequestsTables } from './tables.js';
