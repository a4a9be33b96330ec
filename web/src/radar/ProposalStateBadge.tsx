import type { ProposalSummary } from '../api/radar-types.js';
import { StateBadge, type StateTone } from '../components/StateBadge.js';

const TONES: Record<ProposalSummary['state'], StateTone> = {
  open: 'info',
  accepted: 'ok',
  rejected: 'danger',
  withdrawn: 'off',
};

/** A proposal's state as a chip with its word (colour is never the only signal). */
export function ProposalStateBadge({ state }: { state: ProposalSummary['state'] }) {
  return <StateBadge tone={TONES[state]}>{state}</StateBadge>;
}
