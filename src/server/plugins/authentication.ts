import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { authErrors } from '../../auth/errors.js';
import {
  authorize,
  DEFAULT_POLICY_SETTINGS,
  isPermission,
  type Permission,
  type PolicySettings,
} from '../../auth/policy.js';
import { safeEqual } from '../../auth/secrets.js';
import type { SessionService } from '../../auth/session-service.js';

export const SESSION_COOKIE = 'plinth_session';
export const CSRF_COOKIE = 'plinth_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route as the policy sees it: method, URL and the permission it requires. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | undefined;
}

/** Who may reach the routes the operator can open or close, and the scrape token of /metrics. */
export interface AccessSettings {
  settings: PolicySettings;
  /** `server.metricsToken`: a bearer token that is no account and opens /metrics only. */
  metricsToken?: string;
}

/** Sets `request.principal`; answers whether the request carried the metrics scrape token instead. */
async function resolvePrincipal(
  request: FastifyRequest,
  sessions: SessionService,
  metricsToken: string | undefined,
): Promise<boolean> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, secret] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) throw authErrors.AUTH_TOKEN_INVALID.create();
    if (metricsToken && safeEqual(secret.trim(), metricsToken)) return true;
    request.principal = await sessions.fromToken(secret.trim());
    return false;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return false;
  const principal = await sessions.fromSession(cookie);
  if (principal?.sessionId && !SAFE_METHODS.has(request.method)) {
    // Cookies ride along on cross-site requests; the header proves the page itself sent this one.
    const sent = request.headers[CSRF_HEADER];
    const expected = sessions.csrfFor(principal.sessionId);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw authErrors.AUTH_CSRF_INVALID.create();
  }
  request.principal = principal;
  return false;
}

/**
 * Authenticates every request (bearer token or session cookie + CSRF) and enforces the policy
 * permission its route declares. Routes are collected as they are added; `onReady` refuses to
 * start when any route has no permission, so nothing is reachable by omission.
 */
export function installAuthentication(
  app: FastifyInstance,
  sessions: SessionService,
  access: AccessSettings = { settings: DEFAULT_POLICY_SETTINGS },
): RouteEntry[] {
  const routes: { options: RouteOptions; method: string }[] = [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) routes.push({ options, method });
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => !isPermission(r.options.config?.permission));
    if (missing.length) {
      const list = missing.map((r) => `${r.method} ${r.options.url}`).join(', ');
      throw new Error(`Routes without a policy permission (config.permission): ${list}`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const scrapeToken = await resolvePrincipal(request, sessions, access.metricsToken);
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission) throw authErrors.AUTH_FORBIDDEN.create(['route without a permission']);
    authorize(request.principal, permission, request.params as Record<string, string>, {
      settings: access.settings,
      scrapeToken,
    });
  });
  const entries: RouteEntry[] = [];
  app.addHook('onReady', async () => {
    for (const r of routes) {
      entries.push({ method: r.method, url: r.options.url, permission: r.options.config?.permission });
    }
  });
  return entries;
}

/** Marks every route registered in this (encapsulated) context with a permission, e.g. for static files. */
export function permitAllRoutesIn(app: FastifyInstance, permission: Permission): void {
  app.addHook('onRoute', (options) => {
    options.config = { ...options.config, permission: options.config?.permission ?? permission };
  });
}
