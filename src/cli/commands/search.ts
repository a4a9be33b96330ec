import type { Command } from 'commander';
import type { SearchResults } from '../../search/schemas.js';
import { createContext } from '../context.js';
import { type CliIo, table } from '../output.js';

interface SearchOptions {
  type?: string;
  kind?: string;
  owner?: string;
  tag?: string;
  limit?: string;
  facets?: boolean;
}

/** The snippet as plain text, matched words between asterisks as a terminal can show them. */
export function plainSnippet(html: string): string {
  return html
    .replace(/<\/?mark>/g, '*')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function facetLines(results: SearchResults): string {
  if (!results.facets) return '';
  return (['type', 'kind', 'owner', 'tag'] as const)
    .filter((name) => results.facets?.[name].length)
    .map((name) => `${name}: ${results.facets?.[name].map((f) => `${f.value} (${f.count})`).join(', ')}`)
    .join('\n');
}

/** `plinth search`: the portal's one search, from the terminal. */
export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('search the catalog, docs, guides and practices at once')
    .argument('<terms...>', 'what to look for')
    .option('--type <types>', 'only these types, comma-separated: entity, doc, guide, practice')
    .option('--kind <kinds>', 'only entities of these kinds, e.g. component,dataset')
    .option('--owner <owners>', 'only things owned by these owner refs, e.g. group:default/climate')
    .option('--tag <tags>', 'only things with these tags')
    .option('--limit <n>', 'how many results (1-100)', '20')
    .option('--facets', 'also count the matches by type, kind, owner and tag')
    .addHelpText(
      'after',
      `
Exact title and name matches come first, then the most relevant. A misspelt word is
looked up as the closest indexed word when nothing matches as typed.

Examples:
  $ plinth search slurm array
  $ plinth search pytorch --type entity --kind component
  $ plinth search dvc --type guide,practice --json | jq -r '.items[].url'`,
    )
    .action(async (terms: string[], opts: SearchOptions, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      const query = new URLSearchParams({ q: `${terms.join(' ')} `, limit: opts.limit ?? '20' });
      for (const key of ['type', 'kind', 'owner', 'tag'] as const) {
        const value = opts[key];
        if (value) query.set(key, value);
      }
      if (opts.facets) query.set('facets', 'true');
      const results = await client.request<SearchResults>('GET', `/api/search?${query}`);
      if (results.corrected) ctx.out.info('Nothing matched as typed; showing the closest words instead.');
      ctx.out.result(results, (value) => {
        if (value.items.length === 0) return '';
        return table(value.items, [
          { heading: 'type', cell: (hit) => (hit.kind ? `${hit.type}/${hit.kind}` : hit.type) },
          { heading: 'title', cell: (hit) => hit.title },
          { heading: 'link', cell: (hit) => new URL(hit.url, client.baseUrl).toString() },
          { heading: 'matched', cell: (hit) => plainSnippet(hit.snippet).slice(0, 80) },
        ]);
      });
      if (!ctx.out.json) {
        if (results.items.length === 0)
          ctx.out.info(`Nothing found for "${terms.join(' ')}". Try fewer or other words.`);
        const facets = facetLines(results);
        if (facets) ctx.out.info(facets);
        if (results.nextCursor)
          ctx.out.info(`More results: --limit ${Math.min(100, Number(opts.limit ?? 20) * 2)}`);
      }
    });
}
