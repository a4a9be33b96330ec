import { defineErrors } from '../core/errors.js';

/** Error codes of the technology radar and its acceptance procedure. */
export const radarErrors = defineErrors({
  RADAR_TECHNOLOGY_NOT_FOUND: { status: 404, message: "No technology '%s' on the radar" },
  PROPOSAL_NOT_FOUND: { status: 404, message: "No proposal '%s'" },
  PROPOSAL_NOT_OPEN: {
    status: 409,
    message: 'Proposal #%d is %s: it takes no more votes, comments or decisions',
  },
  PROPOSAL_NOT_PROPOSER: { status: 403, message: 'Only %s, who opened proposal #%d, may withdraw it' },
  PROPOSAL_NOT_A_VOTER: { status: 403, message: '%s' },
  PROPOSAL_RULE_NOT_MET: { status: 409, message: 'Proposal #%d cannot be accepted yet: %s' },
  PROPOSAL_NO_PATCH: { status: 404, message: 'Proposal #%d has no change to download: %s' },
});
