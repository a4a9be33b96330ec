/** The six questions a proposal answers with evidence, in the order forms and docs show them. */
export const CRITERIA = [
  'marketPresence',
  'relevance',
  'integration',
  'teamTesting',
  'essentiality',
  'consensus',
] as const;
export type CriterionId = (typeof CRITERIA)[number];
