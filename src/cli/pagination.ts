import type { ApiClient, Query } from './api-client.js';
import type { Output } from './output.js';

/** A page of a list route, as every `/api` list answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The options every listing command shares. */
export interface PageOptions {
  all?: boolean;
  limit?: number;
  cursor?: string;
}

/** Page size used by `--all` when none is given: big pages mean fewer round trips. */
const ALL_PAGE_SIZE = 200;

/**
 * Fetches one page of a list, or with `--all` every page (following `nextCursor`) as one.
 * Other fields of the answer (such as the catalog's `total`) are kept from the first page.
 */
export async function fetchList<T, P extends Page<T> = Page<T>>(
  client: ApiClient,
  path: string,
  query: Query,
  opts: PageOptions,
): Promise<P> {
  const limit = opts.limit ?? (opts.all ? ALL_PAGE_SIZE : undefined);
  const first = await client.request<P>('GET', path, { query: { ...query, limit, cursor: opts.cursor } });
  if (!opts.all) return first;
  const items = [...first.items];
  let page: Page<T> = first;
  while (page.nextCursor !== null) {
    page = await client.request<Page<T>>('GET', path, {
      query: { ...query, limit, cursor: page.nextCursor },
    });
    items.push(...page.items);
  }
  return { ...first, items, nextCursor: null };
}

/**
 * Prints a list: the page as JSON with `--json`, else `human(items)`, or `empty` on stderr when
 * there is nothing. When more pages exist, says on stderr how to get them.
 */
export function printList<T>(
  out: Output,
  page: Page<T>,
  opts: { empty: string; human: (items: T[]) => string },
): void {
  if (!out.json && page.items.length === 0) out.info(opts.empty);
  else out.result(page, (value) => opts.human(value.items));
  if (page.nextCursor !== null) {
    out.info(
      `Showing the first ${page.items.length}. Add --all for everything, or --cursor ${page.nextCursor} for the next page.`,
    );
  }
}
