/** The services domain's public surface: what the server and other domains may import. */
export { servicesErrors } from './errors.js';
export { servicesMigrations } from './migrations.js';
export { createServicesModule, type ServicesModule } from './services-module.js';
