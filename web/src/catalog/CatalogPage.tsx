import { ComingSoon } from '../components/ComingSoon.js';

/** The Catalog section; planned, not built yet. */
export function CatalogPage() {
  return (
    <ComingSoon
      title="Catalog"
      summary="One place to find the tools, data sets, services and APIs of the organization, and who owns each."
      capabilities={[
        'List everything the platform repo describes, filterable by kind, type, owner, lifecycle and tag',
        'Show each entry with its owner, links, docs, relations and jobs',
        'Draw how systems, components and data sets depend on each other',
        'Point at problems in an entry, at the file and line in git where it is described',
      ]}
      meanwhile="Until then, ask your team or the Keepers where a tool or data set lives."
    />
  );
}
