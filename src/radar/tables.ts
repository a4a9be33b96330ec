/** A proposal to add a technology to the radar or move one to another ring. Times are ISO-8601 UTC. */
export interface RadarProposalsTable {
  id: string;
  /** Sequential, shown as #12 and used in branch names. */
  number: number;
  /** `move` or `new`. */
  kind: string;
  /** The technology's entity ref for a move; for a new one, the ref it will get. */
  technology_ref: string;
  name: string;
  title: string;
  quadrant: string;
  /** The ring when the proposal was made (null for a new technology). */
  from_ring: string | null;
  target_ring: string;
  /** The whole input as JSON: description, homepage, owner, the six criteria with their evidence. */
  input: string;
  /** `open` | `accepted` | `rejected` | `withdrawn` */
  state: string;
  proposer_id: string;
  proposer: string;
  created_at: string;
  updated_at: string;
  /** The decision record as JSON (who, when, outcome, reason, the votes then), once decided or withdrawn. */
  decision: string | null;
  /** What the accepted change became as JSON: file, branch, commit, pushed, or why not. */
  change: string | null;
  /** The accepted change as `git format-patch` text. */
  patch: string | null;
}

/** One vote: a Keeper's, or a team's (cast by one of its representatives). */
export interface RadarVotesTable {
  proposal_id: string;
  /** `keeper:<user id>` or `team:<team name>`: one vote each, a later vote replaces it. */
  voter_key: string;
  user_id: string;
  username: string;
  display_name: string;
  /** `keeper` or `team`. */
  capacity: string;
  team: string | null;
  /** `approve` | `object` | `abstain` */
  choice: string;
  /** 1 when an objection blocks acceptance. */
  blocking: number;
  reason: string;
  at: string;
}

export interface RadarCommentsTable {
  id: string;
  proposal_id: string;
  author_id: string;
  author: string;
  author_name: string;
  body: string;
  at: string;
}

export interface RadarTables {
  radar_proposals: RadarProposalsTable;
  radar_votes: RadarVotesTable;
  radar_comments: RadarCommentsTable;
}
