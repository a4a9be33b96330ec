import { Card } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { paths } from '../app/routes.js';
import { PageHeader } from '../components/PageHeader.js';
import { NewRequestForm } from './NewRequestForm.js';
import { contextOfSearch } from './request-context.js';

/** `/requests/new?from=/page&step=…`: the new-request form on its own page, for links and bookmarks. */
export function NewRequestPage() {
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title="New request"
        trail={[{ label: 'Requests', href: paths.requests }]}
        description="Ask the Keepers for help, access, a template or a change. You can follow the answer on the request’s page and in your notifications."
      />
      <Card withBorder radius="md" p="lg" maw={760}>
        <NewRequestForm context={contextOfSearch(params)} initialTitle={params.get('title') ?? undefined} />
      </Card>
    </>
  );
}
