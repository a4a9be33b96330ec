import type { ProposalInput } from '../../src/radar/schemas.js';

const evidence = (text: string) => ({ text, links: ['https://example.org/evidence'] });

/** A complete, valid proposal to move `technology` to `ring`; tests break one field at a time. */
export function moveProposal(technology: string, ring: ProposalInput['targetRing']): ProposalInput {
  return {
    kind: 'move',
    technology,
    targetRing: ring,
    summary: 'Every template and image already runs on it without change.',
    criteria: {
      marketPresence: {
        ...evidence('Released in October 2024, with yearly releases since.'),
        since: '2024-10',
      },
      relevance: evidence('Used by the climate and protein teams, supported by the Keepers.'),
      integration: evidence('Installed per project through uv; nothing in the platform core changes.'),
      teamTesting: {
        ...evidence('Climate ran its full test suite and two production runs on it.'),
        team: 'climate',
        report: 'https://wiki.example.org/climate/python-3.13-report',
      },
      essentiality: evidence('Free-threading speeds up the data loaders we depend on.'),
      consensus: evidence('Discussed at the platform guild; no team objected.'),
    },
  };
}
