import { createHash } from 'node:crypto';
import type { SearchDocument, SearchSource } from '../search/index.js';
import type { ProposalStore } from './proposal-store.js';
import { proposalPhrase } from './proposal-view.js';
import { CRITERIA, type ProposalInput } from './schemas.js';
import type { RadarProposalsTable } from './tables.js';

const idOf = (row: Pick<RadarProposalsTable, 'id'>) => `proposal:${row.id}`;
const hashOf = (row: RadarProposalsTable) =>
  createHash('sha256').update(`${row.state}|${row.updated_at}|${row.input}`).digest('hex');

function toDocument(row: RadarProposalsTable): SearchDocument {
  const input = JSON.parse(row.input) as ProposalInput;
  return {
    id: idOf(row),
    source: 'radar',
    type: 'proposal',
    title: `#${row.number} ${proposalPhrase(row)}`,
    name: row.name,
    kind: null,
    owner: null,
    tags: [row.state, row.quadrant, row.target_ring],
    summary: `${row.state[0]?.toUpperCase()}${row.state.slice(1)} · ${input.summary}`,
    body: [input.summary, input.description ?? '', ...CRITERIA.map((c) => input.criteria[c].text)].join('\n'),
    url: `/radar/proposals/${row.number}`,
    hash: hashOf(row),
    updatedAt: row.updated_at,
  };
}

/** Radar proposals in the one search: title, summary and state, so the top bar finds them. */
export function radarSearchSource(store: ProposalStore): SearchSource {
  return {
    name: 'radar',
    async hashes() {
      return new Map((await store.all()).map((row) => [idOf(row), hashOf(row)]));
    },
    async documents(ids) {
      const wanted = new Set(ids);
      return (await store.all()).filter((row) => wanted.has(idOf(row))).map(toDocument);
    },
  };
}
