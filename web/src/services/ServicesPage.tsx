import { ComingSoon } from '../components/ComingSoon.js';

/** The Services section; planned, not built yet. */
export function ServicesPage() {
  return (
    <ComingSoon
      title="Services"
      summary="Turnkey services that hand out IDs, credentials and team secrets without waiting for anyone."
      capabilities={[
        'Generate IDs: snowflake, UUID v4 and v7, ULID, and decode a snowflake',
        'Generate credentials with the strength and format a system needs',
        'Keep team secrets in a team vault, shared only with the team',
        'Show the live health of each service',
      ]}
      meanwhile="Until then, the Keepers can hand out credentials on request."
    />
  );
}
