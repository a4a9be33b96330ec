import { ComingSoon } from '../components/ComingSoon.js';

/** The Radar section; planned, not built yet. */
export function RadarPage() {
  return (
    <ComingSoon
      title="Radar"
      summary="The technologies the organization adopts, trials, assesses or holds, and why."
      capabilities={[
        'Draw the radar with its quadrants and rings, with a legend beside it',
        'Show each technology with its history of moves and the decision behind each',
        'Let anyone propose a technology, and Keepers discuss, vote and decide',
      ]}
      meanwhile="Until then, ask the Keepers whether a technology is already in use here."
    />
  );
}
