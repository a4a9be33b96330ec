/** The radar domain's public surface: what the server, the CLI and other domains may import. */
export { DEFAULT_QUADRANTS, type RadarConfig, RadarConfigSchema } from './config-schema.js';
export { radarErrors } from './errors.js';
export { radarMigrations } from './migrations.js';
export { CRITERION_TEXT, MIN_EVIDENCE, proposalProblems } from './proposal-rules.js';
export { createRadarModule, type RadarModule } from './radar-module.js';
export { CRITERIA } from './schemas.js';
