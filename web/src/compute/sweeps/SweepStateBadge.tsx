import { StateBadge } from '../../components/StateBadge.js';
import { stateLook } from './sweep-states.js';

/** A sweep's or a trial's state in words; a running one's dot pulses. */
export function SweepStateBadge({ state }: { state: string }) {
  const look = stateLook(state);
  return (
    <StateBadge tone={look.tone} live={state === 'running'}>
      {look.label}
    </StateBadge>
  );
}
