import type { ProposalDetail, RadarBlip, RadarView } from '../radar/schemas.js';
import { fields, table, when } from './output.js';

/** Technologies as `plinth radar ls` prints them. */
export function blipsTable(blips: RadarBlip[]): string {
  return table(blips, [
    { heading: '#', cell: (b) => String(b.number) },
    { heading: 'name', cell: (b) => b.name },
    { heading: 'quadrant', cell: (b) => b.quadrant },
    { heading: 'ring', cell: (b) => b.ring },
    { heading: 'moved', cell: (b) => (b.change ? `${b.change} ${b.movedAt ?? ''}`.trim() : '-') },
  ]);
}

/** One technology with its history of moves. */
export function blipDetail(blip: RadarBlip, radar: RadarView): string {
  const quadrant = radar.quadrants.find((q) => q.id === blip.quadrant)?.title ?? blip.quadrant;
  const head = fields([
    ['technology', `${blip.number}. ${blip.title} (${blip.name})`],
    ['ring', blip.ring],
    ['quadrant', quadrant],
    ['moved', blip.change ? `${blip.change} on ${blip.movedAt}` : '-'],
    ['owner', blip.owner ?? '-'],
    ['homepage', blip.homepage ?? '-'],
    ['defined in', `${blip.source.file}:${blip.source.line} (${blip.source.location})`],
  ]);
  const description = blip.description ? `\n\n${blip.description}` : '';
  const history =
    blip.history.length === 0
      ? ''
      : `\n\n${table(blip.history, [
          { heading: 'date', cell: (h) => h.date },
          { heading: 'ring', cell: (h) => h.ring },
          { heading: 'reason', cell: (h) => h.reason ?? '-' },
        ])}`;
  return `${head}${description}${history}`;
}

const phrase = (p: ProposalDetail) =>
  p.kind === 'move'
    ? `Move ${p.title} from ${p.fromRing} to ${p.targetRing}`
    : `Add ${p.title} in ${p.targetRing}`;

/** One proposal: what, who, the votes, the rule's verdict, the decision and its change. */
export function proposalDetail(p: ProposalDetail): string {
  const pairs: [string, string][] = [
    ['proposal', `#${p.number} ${phrase(p)}`],
    ['state', p.state],
    ['proposed by', `${p.proposer}, ${when(p.createdAt)}`],
    ['why', p.summary],
    ['rule', p.rule.met ? 'met: a Keeper may accept it' : `not met: ${p.rule.reasons.join('; ')}`],
  ];
  if (p.decision) {
    pairs.push([
      'decision',
      `${p.decision.outcome} by ${p.decision.byName}, ${when(p.decision.at)}: ${p.decision.reason}`,
    ]);
  }
  if (p.change) {
    pairs.push([
      'change',
      p.change.branch ? `branch ${p.change.branch}${p.change.pushed ? ' (pushed)' : ''}` : p.change.status,
    ]);
    pairs.push(['', p.change.message]);
  }
  const votes =
    p.votes.length === 0
      ? '\n\nNo votes yet.'
      : `\n\n${table(p.votes, [
          { heading: 'voter', cell: (v) => v.username },
          { heading: 'as', cell: (v) => (v.capacity === 'keeper' ? 'Keeper' : `team ${v.team}`) },
          { heading: 'vote', cell: (v) => `${v.choice}${v.blocking ? ' (blocking)' : ''}` },
          { heading: 'reason', cell: (v) => v.reason || '-' },
        ])}`;
  return `${fields(pairs)}${votes}`;
}
