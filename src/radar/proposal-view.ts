import type { Ring } from './layout.js';
import type {
  Change,
  Decision,
  ProposalDetail,
  ProposalInput,
  ProposalSummary,
  RuleCheck,
  Vote,
} from './schemas.js';
import type { RadarCommentsTable, RadarProposalsTable, RadarVotesTable } from './tables.js';

export function toSummary(row: RadarProposalsTable): ProposalSummary {
  const input = JSON.parse(row.input) as ProposalInput;
  return {
    id: row.id,
    number: Number(row.number),
    kind: row.kind as 'move' | 'new',
    technologyRef: row.technology_ref,
    name: row.name,
    title: row.title,
    quadrant: row.quadrant,
    fromRing: (row.from_ring as Ring | null) ?? null,
    targetRing: row.target_ring as Ring,
    summary: input.summary,
    state: row.state as ProposalSummary['state'],
    proposer: row.proposer,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVote(row: RadarVotesTable): Vote {
  return {
    username: row.username,
    displayName: row.display_name,
    capacity: row.capacity as Vote['capacity'],
    team: row.team,
    choice: row.choice as Vote['choice'],
    blocking: Boolean(Number(row.blocking)),
    reason: row.reason,
    at: row.at,
  };
}

export function toComment(row: RadarCommentsTable) {
  return { id: row.id, author: row.author, authorName: row.author_name, body: row.body, at: row.at };
}

/** The proposal as the API shows it: what was proposed, the discussion, the rule's verdict now, the decision. */
export function toDetail(
  row: RadarProposalsTable,
  votes: RadarVotesTable[],
  comments: RadarCommentsTable[],
  rule: RuleCheck,
  can: ProposalDetail['can'],
): ProposalDetail {
  return {
    ...toSummary(row),
    input: JSON.parse(row.input) as ProposalInput,
    votes: votes.map(toVote),
    comments: comments.map(toComment),
    rule,
    decision: row.decision ? (JSON.parse(row.decision) as Decision) : null,
    change: row.change ? (JSON.parse(row.change) as Change) : null,
    can,
  };
}

const RING_WORD: Record<string, string> = { adopt: 'Adopt', trial: 'Trial', assess: 'Assess', hold: 'Hold' };

/** `Move Python 3.13 to Adopt` / `Add DuckDB in Trial`: one phrase for lists, notices, search and commits. */
export function proposalPhrase(row: Pick<RadarProposalsTable, 'kind' | 'title' | 'target_ring'>): string {
  const ring = RING_WORD[row.target_ring] ?? row.target_ring;
  return row.kind === 'move' ? `Move ${row.title} to ${ring}` : `Add ${row.title} in ${ring}`;
}
