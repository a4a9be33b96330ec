import { type Static, Type } from 'typebox';
import { RINGS } from '../catalog/index.js';

const RingEnum = Type.Enum(RINGS);

export const RadarQuadrant = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  /** Radians, clockwise from the positive x axis (SVG's direction). */
  startAngle: Type.Number(),
  endAngle: Type.Number(),
});

export const RadarRing = Type.Object({
  id: RingEnum,
  title: Type.String(),
  description: Type.String(),
  innerRadius: Type.Number(),
  outerRadius: Type.Number(),
});

export const HistoryEntry = Type.Object({
  date: Type.String(),
  ring: RingEnum,
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const RadarBlip = Type.Object({
  number: Type.Integer(),
  x: Type.Number(),
  y: Type.Number(),
  ref: Type.String(),
  name: Type.String(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  quadrant: Type.String(),
  ring: RingEnum,
  owner: Type.Union([Type.String(), Type.Null()]),
  homepage: Type.Union([Type.String(), Type.Null()]),
  links: Type.Array(Type.Object({ url: Type.String(), title: Type.Union([Type.String(), Type.Null()]) })),
  tags: Type.Array(Type.String()),
  history: Type.Array(HistoryEntry),
  /** `new` (placed within radar.recentDays), `moved` (changed ring then), or null. */
  change: Type.Union([Type.Literal('new'), Type.Literal('moved'), Type.Null()]),
  /** True when `change` is set: the technology moved recently. */
  moved: Type.Boolean(),
  movedAt: Type.Union([Type.String(), Type.Null()]),
  source: Type.Object({ location: Type.String(), file: Type.String(), line: Type.Integer() }),
});

export const NotPlaced = Type.Object({
  ref: Type.String(),
  title: Type.String(),
  quadrant: Type.String(),
  ring: Type.String(),
  reason: Type.String(),
});

export const RadarView = Type.Object({
  quadrants: Type.Array(RadarQuadrant),
  rings: Type.Array(RadarRing),
  radius: Type.Number(),
  recentDays: Type.Integer(),
  blips: Type.Array(RadarBlip),
  notPlaced: Type.Array(NotPlaced),
});
export type RadarView = Static<typeof RadarView>;
export type RadarBlip = Static<typeof RadarBlip>;

const Url = Type.String({ maxLength: 2000 });
const evidenceFields = {
  text: Type.String({ maxLength: 4000, description: 'The evidence, in a few sentences' }),
  links: Type.Array(Url, { maxItems: 10, default: [] }),
};
const Evidence = Type.Object(evidenceFields, { additionalProperties: false });

/** The six questions every proposal answers with evidence. */
export const Criteria = Type.Object(
  {
    marketPresence: Type.Object(
      {
        ...evidenceFields,
        since: Type.String({ maxLength: 20, description: 'Year (or year-month) it was first released' }),
      },
      { additionalProperties: false },
    ),
    relevance: Evidence,
    integration: Evidence,
    teamTesting: Type.Object(
      {
        ...evidenceFields,
        team: Type.String({ maxLength: 64, description: 'The team that tested it' }),
        report: Type.String({ maxLength: 2000, description: 'Link to the team’s test report' }),
      },
      { additionalProperties: false },
    ),
    essentiality: Evidence,
    consensus: Evidence,
  },
  { additionalProperties: false },
);
export type Criteria = Static<typeof Criteria>;
export { CRITERIA, type CriterionId } from './criteria.js';

export const ProposalInput = Type.Object(
  {
    kind: Type.Enum(['move', 'new']),
    /** For a move: the technology's name or entity ref. */
    technology: Type.Optional(Type.String({ maxLength: 300 })),
    name: Type.Optional(Type.String({ maxLength: 63 })),
    title: Type.Optional(Type.String({ maxLength: 120 })),
    quadrant: Type.Optional(Type.String({ maxLength: 63 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    homepage: Type.Optional(Type.String({ maxLength: 2000 })),
    owner: Type.Optional(Type.String({ maxLength: 64 })),
    targetRing: RingEnum,
    /** Why, in one or two sentences: becomes the reason in the technology's history. */
    summary: Type.String({ maxLength: 500 }),
    criteria: Criteria,
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalInput>;

export const VoteChoice = Type.Enum(['approve', 'object', 'abstain']);

export const VoteInput = Type.Object(
  {
    choice: VoteChoice,
    blocking: Type.Optional(Type.Boolean({ default: false })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Vote as this team's representative instead of as a Keeper. */
    team: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type VoteInput = Static<typeof VoteInput>;

export const Vote = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  capacity: Type.Enum(['keeper', 'team']),
  team: Type.Union([Type.String(), Type.Null()]),
  choice: VoteChoice,
  blocking: Type.Boolean(),
  reason: Type.String(),
  at: Type.String(),
});
export type Vote = Static<typeof Vote>;

export const Comment = Type.Object({
  id: Type.String(),
  author: Type.String(),
  authorName: Type.String(),
  body: Type.String(),
  at: Type.String(),
});

export const CommentInput = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);

export const DecisionInput = Type.Object(
  {
    outcome: Type.Enum(['accepted', 'rejected']),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const RuleCheck = Type.Object({
  rule: Type.String(),
  met: Type.Boolean(),
  /** Why it is not met, in words; empty when met. */
  reasons: Type.Array(Type.String()),
  keeperApprovals: Type.Integer(),
  required: Type.Integer(),
});
export type RuleCheck = Static<typeof RuleCheck>;

export const Decision = Type.Object({
  outcome: Type.Enum(['accepted', 'rejected', 'withdrawn']),
  by: Type.String(),
  byName: Type.String(),
  at: Type.String(),
  reason: Type.String(),
  votes: Type.Array(Vote),
  rule: Type.Union([RuleCheck, Type.Null()]),
});
export type Decision = Static<typeof Decision>;

export const Change = Type.Object({
  /** `branch` (committed, maybe pushed), `patch` (download only), `failed`. */
  status: Type.Enum(['branch', 'patch', 'failed']),
  file: Type.Union([Type.String(), Type.Null()]),
  branch: Type.Union([Type.String(), Type.Null()]),
  commit: Type.Union([Type.String(), Type.Null()]),
  pushed: Type.Boolean(),
  message: Type.String(),
});
export type Change = Static<typeof Change>;

export const ProposalState = Type.Enum(['open', 'accepted', 'rejected', 'withdrawn']);

export const ProposalSummary = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  kind: Type.Enum(['move', 'new']),
  technologyRef: Type.String(),
  name: Type.String(),
  title: Type.String(),
  quadrant: Type.String(),
  fromRing: Type.Union([RingEnum, Type.Null()]),
  targetRing: RingEnum,
  summary: Type.String(),
  state: ProposalState,
  proposer: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ProposalSummary = Static<typeof ProposalSummary>;

export const ProposalDetail = Type.Object({
  ...ProposalSummary.properties,
  input: ProposalInput,
  votes: Type.Array(Vote),
  comments: Type.Array(Comment),
  rule: RuleCheck,
  decision: Type.Union([Decision, Type.Null()]),
  change: Type.Union([Change, Type.Null()]),
  /** What the caller may do now. */
  can: Type.Object({
    vote: Type.Boolean(),
    voteAs: Type.Array(Type.String()),
    decide: Type.Boolean(),
    withdraw: Type.Boolean(),
    comment: Type.Boolean(),
  }),
});
export type ProposalDetail = Static<typeof ProposalDetail>;

export const ProposalListQuery = Type.Object({
  state: Type.Optional(ProposalState),
  technology: Type.Optional(Type.String({ maxLength: 300 })),
  mine: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const ProposalList = Type.Object({
  items: Type.Array(ProposalSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ProposalParams = Type.Object({
  id: Type.String({ maxLength: 40, description: 'The proposal id, or its number' }),
});
