import { authErrors } from './errors.js';
import type { Principal } from './principal.js';

/** Who may reach a route at all: anyone, any signed-in person, or Keepers only. */
export type Audience = 'public' | 'signedIn' | 'keeper';

/** What the operator opened or closed to the public (`server.publicMetrics`, `server.publicApiDocs`). */
export interface PolicySettings {
  publicMetrics: boolean;
  publicApiDocs: boolean;
}

/** The settings when the operator changed none. */
export const DEFAULT_POLICY_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  publicMetrics: true,
  publicApiDocs: true,
});

/** What the policy knows of a request besides its principal. */
export interface AuthorizationContext {
  settings: PolicySettings;
  /** The request carried the metrics scrape token (`server.metricsToken`), which is no account. */
  scrapeToken?: boolean;
}

interface Rule {
  /** Fixed, or chosen by a setting of the operator. */
  audience: Audience | ((settings: PolicySettings) => Audience);
  /** The metrics scrape token is enough, whatever the audience. */
  scrapeToken?: boolean;
  /** Allowed while the caller still has a one-time password to replace. */
  beforePasswordChange?: boolean;
  /** Finer check on the resource, after the audience passed. */
  resource?: (principal: Principal, resource: Record<string, string>) => boolean;
}

/**
 * THE authorization policy: every route names one of these permissions in its `config.permission`,
 * and a route without one is refused when the server starts (deny by default).
 */
export const permissions = {
  'ops.read': { audience: 'public' },
  // Prometheus scrapes without an account: public by default, else Keepers and the scrape token.
  'ops.metrics': { audience: (s) => (s.publicMetrics ? 'public' : 'keeper'), scrapeToken: true },
  'ops.apiDocs': { audience: (s) => (s.publicApiDocs ? 'public' : 'signedIn'), beforePasswordChange: true },
  'platform.read': { audience: 'public' },
  'auth.login': { audience: 'public' },
  'auth.logout': { audience: 'signedIn', beforePasswordChange: true },
  'me.read': { audience: 'signedIn', beforePasswordChange: true },
  'me.password': { audience: 'signedIn', beforePasswordChange: true },
  'tokens.manage': { audience: 'signedIn' },
  'users.list': { audience: 'keeper' },
  'users.read': {
    audience: 'signedIn',
    resource: (p, r) => p.role === 'keeper' || p.user.username === r.username,
  },
  'users.manage': { audience: 'keeper' },
  'teams.read': { audience: 'signedIn' },
  'teams.manage': { audience: 'keeper' },
  'audit.read': { audience: 'keeper' },
  'catalog.read': { audience: 'signedIn' },
  'catalog.manage': { audience: 'keeper' },
  // A git host calls it; the shared secret in the request is the credential (checked in the route).
  'catalog.webhook': { audience: 'public' },
  // Which job a member may see or cancel (own, or their team's) is checked by the job service.
  'jobs.read': { audience: 'signedIn' },
  'jobs.submit': { audience: 'signedIn' },
  'jobs.cancel': { audience: 'signedIn' },
  // Which sweep a member may see or stop (own, or their team's) is checked by the sweep service.
  'sweeps.read': { audience: 'signedIn' },
  'sweeps.submit': { audience: 'signedIn' },
  'sweeps.stop': { audience: 'signedIn' },
  'templates.read': { audience: 'signedIn' },
  'templates.run': { audience: 'signedIn' },
  // Whose task a member may see or run again (their own) is checked by the task service.
  'tasks.read': { audience: 'signedIn' },
  'tasks.create': { audience: 'signedIn' },
  'services.read': { audience: 'signedIn' },
  'ids.generate': { audience: 'signedIn' },
  'credentials.generate': { audience: 'signedIn' },
  // A team's secrets are for its members: the vault service checks the team of every call.
  'secrets.read': { audience: 'signedIn' },
  'secrets.write': { audience: 'signedIn' },
  'secrets.reveal': { audience: 'signedIn' },
  'docs.read': { audience: 'signedIn' },
  // A person ticks only their own guide steps: the route takes the user from the session, never the body.
  'docs.progress': { audience: 'signedIn' },
  'docs.manage': { audience: 'keeper' },
  'search.read': { audience: 'signedIn' },
  'search.manage': { audience: 'keeper' },
  'radar.read': { audience: 'signedIn' },
  'proposals.read': { audience: 'signedIn' },
  'proposals.create': { audience: 'signedIn' },
  'proposals.comment': { audience: 'signedIn' },
  // Whether the caller is a Keeper or represents the team they vote for is checked by the proposal service.
  'proposals.vote': { audience: 'signedIn' },
  'proposals.decide': { audience: 'keeper' },
  // Only the proposer may withdraw: the proposal service compares the caller with the proposer.
  'proposals.withdraw': { audience: 'signedIn' },
  // Which request a member may see, comment on or move (their own, their team's) is checked by the
  // request service, which answers 404 for others, as jobs do; moves are checked by its state machine.
  'requests.read': { audience: 'signedIn' },
  'requests.file': { audience: 'signedIn' },
  'requests.comment': { audience: 'signedIn' },
  'requests.attach': { audience: 'signedIn' },
  'requests.transition': { audience: 'signedIn' },
  'requests.dashboard': { audience: 'keeper' },
  // A person reads and marks only their own notifications: the routes take the user from the session.
  'notifications.read': { audience: 'signedIn' },
  'notifications.update': { audience: 'signedIn' },
  'notifications.webhooks': { audience: 'keeper' },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(permissions, value);
}

/** Whether `principal` may use `permission`: for answers that show some callers more than others. */
export function allows(
  principal: Principal | null,
  permission: Permission,
  resource?: Record<string, string>,
): boolean {
  try {
    authorize(principal, permission, resource);
    return true;
  } catch {
    return false;
  }
}

/** Throws the error a caller should see when `principal` may not use `permission` (on `resource`). */
export function authorize(
  principal: Principal | null,
  permission: Permission,
  resource?: Record<string, string>,
  context: AuthorizationContext = { settings: DEFAULT_POLICY_SETTINGS },
): void {
  const rule: Rule = permissions[permission];
  const audience = typeof rule.audience === 'function' ? rule.audience(context.settings) : rule.audience;
  if (audience === 'public') return;
  if (rule.scrapeToken && context.scrapeToken) return;
  if (!principal) throw authErrors.AUTH_REQUIRED.create();
  if (principal.user.must_change_password && !rule.beforePasswordChange) {
    throw authErrors.AUTH_PASSWORD_CHANGE_REQUIRED.create();
  }
  if (audience === 'keeper' && principal.role !== 'keeper') {
    throw authErrors.AUTH_FORBIDDEN.create([`${permission} is for Keepers`]);
  }
  if (resource && rule.resource && !rule.resource(principal, resource)) {
    throw authErrors.AUTH_FORBIDDEN.create([permission]);
  }
}
