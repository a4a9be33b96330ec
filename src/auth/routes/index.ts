import type { TypedApp } from '../../server/typed-app.js';
import type { AuthServices } from '../services.js';
import { auditRoutes } from './audit-routes.js';
import { type CookiePolicy, sessionRoutes } from './session-routes.js';
import { teamRoutes } from './team-routes.js';
import { tokenRoutes } from './token-routes.js';
import { userRoutes } from './user-routes.js';

/** Every HTTP route of the auth domain. */
export function authRoutes(
  app: TypedApp,
  auth: AuthServices,
  options: { cookies: CookiePolicy; loginPerMinute: number },
) {
  sessionRoutes(app, auth, options.cookies, options.loginPerMinute);
  tokenRoutes(app, auth);
  userRoutes(app, auth);
  teamRoutes(app, auth);
  auditRoutes(app, auth);
}
