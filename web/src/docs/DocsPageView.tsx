import { Box, Button, Card, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconFileUnknown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { DocContent } from './DocContent.js';
import { useDocsPage } from './docs-queries.js';
import type { DocsPageData } from './docs-types.js';
import { GuideSteps } from './GuideSteps.js';
import { PageMeta } from './PageMeta.js';
import { StaleBanner } from './StaleBanner.js';

/** The page's own first heading repeats the title the header shows. */
const withoutTitle = (html: string) => html.replace(/^\s*<h1[^>]*>[\s\S]*?<\/h1>\s*/, '');

function Neighbours({ page }: { page: DocsPageData }) {
  if (!page.previous && !page.next) return null;
  return (
    <Group
      justify="space-between"
      mt="xl"
      pt="lg"
      className="docs-neighbours"
      component="nav"
      aria-label="Previous and next pages"
    >
      {page.previous ? (
        <Button
          component={Link}
          to={page.previous.url}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
        >
          {page.previous.title}
        </Button>
      ) : (
        <span />
      )}
      {page.next && (
        <Button
          component={Link}
          to={page.next.url}
          variant="subtle"
          rightSection={<IconArrowRight size={16} />}
        >
          {page.next.title}
        </Button>
      )}
    </Group>
  );
}

/** One docs page: header with breadcrumbs, facts and edit link, the content (a stepper for guides), neighbours. */
export function DocsPageView({ path }: { path: string }) {
  const page = useDocsPage(path);
  if (page.isPending) return <LoadingSkeleton variant="form" rows={8} />;
  if (page.isError) {
    if (page.error instanceof ApiError && page.error.status === 404) {
      return (
        <Card>
          <EmptyState
            icon={<IconFileUnknown size={28} />}
            title="This page does not exist"
            titleOrder={1}
            action={
              <Button component={Link} to={paths.docs} variant="light">
                All docs
              </Button>
            }
          >
            It may have been moved or renamed in the platform repo. The navigation on the left lists every
            page; the search at the top finds them by their words.
          </EmptyState>
        </Card>
      );
    }
    return <ErrorState title="Could not load this page" error={page.error} onRetry={() => page.refetch()} />;
  }
  const data = page.data;
  const trail = [
    { label: 'Docs', href: paths.docs },
    ...data.breadcrumbs
      .filter((c) => c.url !== data.url)
      .map((c) => ({ label: c.title, href: c.url ?? undefined })),
  ];
  return (
    <Box>
      <PageHeader title={data.title} trail={trail} description={data.description ?? undefined} />
      <PageMeta page={data} />
      {data.stale && (
        <StaleBanner verified={data.verified} maxAgeDays={data.maxAgeDays} editUrl={data.editUrl} />
      )}
      {data.type === 'guide' && data.sections.length > 1 ? (
        <GuideSteps
          page={{
            ...data,
            sections: data.sections.map((s, i) => (i === 0 ? { ...s, html: withoutTitle(s.html) } : s)),
          }}
          path={path}
        />
      ) : (
        <DocContent html={withoutTitle(data.html)} hasMermaid={data.hasMermaid} />
      )}
      {data.source.entityRef && (
        <Text size="sm" c="dimmed" mt="lg">
          These docs live in the repository of{' '}
          <Link to={`/catalog/${data.source.key}`}>{data.source.title}</Link>.
        </Text>
      )}
      <Neighbours page={data} />
    </Box>
  );
}
