import type { SearchHit } from './search-types.js';

/** Hits grouped by type, groups in the order their best hit ranks; each hit keeps its overall index. */
export function groupHits(hits: SearchHit[]): { type: string; hits: { hit: SearchHit; index: number }[] }[] {
  const groups = new Map<string, { hit: SearchHit; index: number }[]>();
  hits.forEach((hit, index) => {
    const group = groups.get(hit.type) ?? [];
    group.push({ hit, index });
    groups.set(hit.type, group);
  });
  return [...groups].map(([type, list]) => ({ type, hits: list }));
}
