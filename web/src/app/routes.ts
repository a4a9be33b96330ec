/**
 * The one table of portal paths. Pages link to each other through these names,
 * never by importing another domain's page.
 */
export const paths = {
  home: '/',
  login: '/login',
  catalog: '/catalog',
  docs: '/docs',
  templates: '/templates',
  services: '/services',
  compute: '/compute',
  radar: '/radar',
  requests: '/requests',
  profile: '/profile',
  tokens: '/profile/tokens',
  admin: '/admin',
  users: '/admin/users',
  teams: '/admin/teams',
  team: '/admin/teams/:name',
  audit: '/admin/audit',
} as const;

/** Name of a route in {@link paths}. */
export type RouteName = keyof typeof paths;

/** Link to one team's page. */
export function teamHref(name: string): string {
  return `/admin/teams/${encodeURIComponent(name)}`;
}

/** Link to the users list with filters already applied. */
export function usersHref(filters: { role?: string; team?: string; q?: string } = {}): string {
  const search = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const query = search.toString();
  return query ? `${paths.users}?${query}` : paths.users;
}

/** Link to the sign-in page that returns to `next` afterwards. */
export function loginHref(next: string): string {
  return next && next !== paths.home ? `${paths.login}?next=${encodeURIComponent(next)}` : paths.login;
}

/**
 * Where to go after signing in: only a path inside the portal, so a crafted
 * `?next=https://elsewhere` link cannot send someone off-site.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.home;
  if (next.startsWith(paths.login)) return paths.home;
  return next;
}
