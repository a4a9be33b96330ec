/** The auth domain's public surface: what other domains and the server may import. */
export { type Actor, AuditLog, systemActor } from './audit-log.js';
export { ensureFirstKeeper, type FirstKeeper } from './bootstrap.js';
export { authErrors } from './errors.js';
export { authMigrations } from './migrations.js';
export { authorize, type Permission, permissions } from './policy.js';
export { actorOf, type Principal } from './principal.js';
export { authRoutes } from './routes/index.js';
export { type AuthOptions, type AuthServices, createAuthServices } from './services.js';
