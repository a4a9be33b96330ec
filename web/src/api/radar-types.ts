// The radar contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type {
  ProposalDetail as ProposalDetailSchema,
  ProposalInput as ProposalInputSchema,
  ProposalList as ProposalListSchema,
  ProposalSummary as ProposalSummarySchema,
  RadarView as RadarViewSchema,
  Vote as VoteSchema,
} from '../../../src/radar/schemas.js';

export type RadarView = Type.Static<typeof RadarViewSchema>;
export type Blip = RadarView['blips'][number];
export type Quadrant = RadarView['quadrants'][number];
export type Ring = Blip['ring'];
export type ProposalInput = Type.Static<typeof ProposalInputSchema>;
export type ProposalSummary = Type.Static<typeof ProposalSummarySchema>;
export type ProposalDetail = Type.Static<typeof ProposalDetailSchema>;
export type ProposalList = Type.Static<typeof ProposalListSchema>;
export type Vote = Type.Static<typeof VoteSchema>;
export type CriterionId = keyof ProposalInput['criteria'];
