import type { RuleCheck, Vote } from './schemas.js';

export type DecisionRule = 'unanimous-keepers' | 'keeper-majority';

const who = (v: Vote) => (v.capacity === 'team' ? `${v.displayName} (for ${v.team})` : v.displayName);
const quoted = (reason: string) => (reason ? `: “${reason}”` : '');

/**
 * Whether the votes let a Keeper accept a proposal under the configured rule.
 * - `unanimous-keepers`: every Keeper vote is approve (abstaining is allowed), at least `minKeeperVotes` of them;
 * - `keeper-majority`: more Keeper approvals than Keeper objections, at least `minKeeperVotes` approvals;
 * under both, one blocking objection, a Keeper's or a team's, stops acceptance until it is withdrawn.
 */
export function checkRule(rule: DecisionRule, minKeeperVotes: number, votes: readonly Vote[]): RuleCheck {
  const keepers = votes.filter((v) => v.capacity === 'keeper');
  const approvals = keepers.filter((v) => v.choice === 'approve').length;
  const objections = keepers.filter((v) => v.choice === 'object');
  const reasons: string[] = [];
  for (const v of votes.filter((x) => x.choice === 'object' && x.blocking)) {
    reasons.push(`blocked by ${who(v)}'s objection${quoted(v.reason)}`);
  }
  if (rule === 'unanimous-keepers') {
    for (const v of objections.filter((x) => !x.blocking)) {
      reasons.push(
        `Keeper ${who(v)} objects${quoted(v.reason)}, and the rule needs every Keeper vote to approve`,
      );
    }
  } else if (objections.length >= approvals && objections.length > 0) {
    reasons.push(
      `${objections.length} Keeper objection${objections.length === 1 ? '' : 's'} against ${approvals} approval${approvals === 1 ? '' : 's'}; the rule needs a majority of Keeper votes to approve`,
    );
  }
  if (approvals < minKeeperVotes) {
    reasons.push(
      `${approvals} of the ${minKeeperVotes} Keeper approval${minKeeperVotes === 1 ? '' : 's'} needed so far`,
    );
  }
  return { rule, met: reasons.length === 0, reasons, keeperApprovals: approvals, required: minKeeperVotes };
}
