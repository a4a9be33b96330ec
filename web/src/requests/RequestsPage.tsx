import { ComingSoon } from '../components/ComingSoon.js';

/** The Requests section; planned, not built yet. */
export function RequestsPage() {
  return (
    <ComingSoon
      title="Requests"
      summary="Ask the Keepers for help, access or a change, and follow the answer in one place."
      capabilities={[
        'File a request with the page you were on attached',
        'Follow your requests and your team’s, with their state and response time',
        'Comment, and get notified of answers',
        'Let Keepers triage and answer everything in one queue',
      ]}
      meanwhile="Until then, reach the Keepers the way your organization usually does; this page will take over when it ships."
    />
  );
}
