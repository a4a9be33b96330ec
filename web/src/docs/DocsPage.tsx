import { ComingSoon } from '../components/ComingSoon.js';

/** The Docs section; planned, not built yet. */
export function DocsPage() {
  return (
    <ComingSoon
      title="Docs"
      summary="Guides, how-tos and best practices written by the Keepers and teams, kept in git next to the code they describe."
      capabilities={[
        'Browse the docs of every source as a tree, with a table of contents for each page',
        'Follow step-by-step guides and keep track of your progress',
        'Read the best practices the organization agreed on, with a verified-on date',
        'Copy code blocks in one click and jump to the source in git to suggest a change',
      ]}
      meanwhile="Until then, the API reference (linked at the foot of the side navigation) documents every route."
    />
  );
}
