import type { RequestContext } from './request-types.js';

/** The catalog entity a portal path shows, `kind:namespace/name`, if it is an entity page. */
export function entityOfPath(path: string): string | undefined {
  const match = /^\/catalog\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)/.exec(path);
  if (!match) return undefined;
  const [, kind = '', namespace = '', name = ''] = match.map((part) => decodeURIComponent(part ?? ''));
  return `${kind}:${namespace}/${name}`;
}

/** What a request filed from `path` is about: the page, and its entity when it shows one. */
export function contextOfPath(path: string): RequestContext {
  const clean = path.startsWith('/') ? path : '/';
  return { path: clean, entity: entityOfPath(clean) };
}

/** The context carried in a link (`?from=/catalog/...&step=...`), or none. */
export function contextOfSearch(params: URLSearchParams): RequestContext | null {
  const from = params.get('from');
  if (!from?.startsWith('/') || from.startsWith('//')) return null;
  const step = params.get('step') ?? undefined;
  return { ...contextOfPath(from), ...(step ? { step } : {}) };
}

/** A short line for people: "Catalog › component:default/ocean-model", "Docs › first-day, step 3". */
export function describeContext(context: RequestContext): string {
  if (context.step) return `Guide step: ${context.step}`;
  if (context.entity) return `Catalog entity ${context.entity}`;
  return `Page ${context.path ?? '/'}`;
}
