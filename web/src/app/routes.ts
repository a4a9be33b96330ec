/**
 * The one table of portal paths. Pages link to each other through these names,
 * never by importing another domain's page.
 */
export const paths = {
  home: '/',
  login: '/login',
  catalog: '/catalog',
  entity: '/catalog/:kind/:namespace/:name',
  docs: '/docs',
  docsPage: '/docs/*',
  search: '/search',
  templates: '/templates',
  template: '/templates/:namespace/:name',
  tasks: '/templates/tasks',
  task: '/templates/tasks/:id',
  services: '/services',
  ids: '/services/ids',
  credentials: '/services/credentials',
  vault: '/services/vault',
  compute: '/compute',
  newJob: '/compute/new',
  job: '/compute/jobs/:id',
  newSweep: '/compute/sweeps/new',
  sweep: '/compute/sweeps/:id',
  radar: '/radar',
  proposals: '/radar/proposals',
  newProposal: '/radar/proposals/new',
  proposal: '/radar/proposals/:number',
  requests: '/requests',
  newRequest: '/requests/new',
  request: '/requests/:id',
  profile: '/profile',
  tokens: '/profile/tokens',
  notificationPreferences: '/profile/notifications',
  notifications: '/notifications',
  admin: '/admin',
  users: '/admin/users',
  teams: '/admin/teams',
  team: '/admin/teams/:name',
  audit: '/admin/audit',
  locations: '/admin/locations',
  problems: '/admin/problems',
  webhooks: '/admin/notifications',
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

/** Link to one catalog entity from its ref `kind:namespace/name`; other tabs through `tab`. */
export function entityHref(ref: string, tab?: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) return catalogHref({ q: ref });
  const [, kind = '', namespace = '', name = ''] = match;
  const path = [kind, namespace, name].map(encodeURIComponent).join('/');
  return `${paths.catalog}/${path}${tab ? `?tab=${tab}` : ''}`;
}

/** Link to the catalog with filters already applied: `/catalog?kind=dataset&tag=climate`. */
export function catalogHref(filters: Record<string, string | undefined> = {}): string {
  return withQuery(paths.catalog, filters);
}

/** Link to the catalog problems, filtered by location, owner or severity. */
export function problemsHref(filters: { location?: string; owner?: string; severity?: string } = {}): string {
  return withQuery(paths.problems, filters);
}

/** Link to the catalog locations, with one location's history open. */
export function locationHistoryHref(name: string): string {
  return withQuery(paths.locations, { history: name });
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Link to the Compute page with its scope and filters: `/compute?scope=team&state=running`. */
export function computeHref(filters: Record<string, string | undefined> = {}): string {
  return withQuery(paths.compute, filters);
}

/** Link to one job's page, on one of its tabs (`log` when absent). */
export function jobHref(id: string, tab?: string): string {
  return withQuery(`/compute/jobs/${encodeURIComponent(id)}`, { tab });
}

/** Link to one sweep's page. */
export function sweepHref(id: string): string {
  return `/compute/sweeps/${encodeURIComponent(id)}`;
}

/** Link to the new-job form, prefilled from an existing job when `from` names one (Resubmit). */
export function newJobHref(from?: string, entity?: string): string {
  return withQuery(paths.newJob, { from, entity });
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

/** Link to the template gallery with its filters: `/templates?type=infrastructure&q=bucket`. */
export function templatesHref(filters: Record<string, string | undefined> = {}): string {
  return withQuery(paths.templates, filters);
}

/** Link to one template's form, from its ref `template:namespace/name`. */
export function templateHref(ref: string): string {
  const match = /^(?:template:)?([^/]+)\/(.+)$/.exec(ref);
  const [namespace, name] = match ? [match[1] ?? 'default', match[2] ?? ''] : ['default', ref];
  return `/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** Link to one task (a run of a template). */
export function taskHref(id: string): string {
  return `/templates/tasks/${encodeURIComponent(id)}`;
}

/** Link to the full search results: `/search?q=slurm&type=guide`. */
export function searchHref(q: string, filters: Record<string, string | undefined> = {}): string {
  return withQuery(paths.search, { q, ...filters });
}

/** Link to the radar with its filters: `/radar?quadrant=tools&moved=true`, one blip opened with `tech`. */
export function radarHref(filters: { quadrant?: string; moved?: string; tech?: string } = {}): string {
  return withQuery(paths.radar, filters);
}

/** Link to one radar proposal by its number. */
export function proposalHref(number: number | string): string {
  return `/radar/proposals/${encodeURIComponent(String(number))}`;
}

/** Link to the proposal form, prefilled to move `technology` (a name) when given. */
export function newProposalHref(technology?: string): string {
  return withQuery(paths.newProposal, { technology });
}
