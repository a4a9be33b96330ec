import { Box, Card, Grid } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { DocsLanding } from './DocsLanding.js';
import { DocsNav } from './DocsNav.js';
import { DocsPageView } from './DocsPageView.js';
import { DocsToc } from './DocsToc.js';
import { useDocsPage, useDocsSources } from './docs-queries.js';
import './docs.css';

function Toc({ path }: { path: string }) {
  const page = useDocsPage(path);
  return page.data ? <DocsToc toc={page.data.toc} /> : null;
}

/** The Docs section: every source's navigation on the left, the page in the middle, its contents on the right. */
export function DocsPage() {
  const path = (useParams()['*'] ?? '').replace(/\/+$/, '');
  const sources = useDocsSources();
  if (sources.isPending) return <LoadingSkeleton variant="form" rows={8} />;
  if (sources.isError) {
    return (
      <>
        <PageHeader title="Docs" />
        <ErrorState title="Could not load the docs" error={sources.error} onRetry={() => sources.refetch()} />
      </>
    );
  }
  if (sources.data.items.length === 0) {
    return (
      <>
        <PageHeader title="Docs" />
        <Card>
          <EmptyState icon={<IconBook2 size={28} />} title="No docs yet">
            Docs are Markdown files in the platform repo's docs/ folder (guides in docs/guides/, best
            practices in docs/practices/), and in any project whose catalog entry has the annotation
            backstage.io/techdocs-ref: dir:./docs. Commit some and they appear here after the next sync.
          </EmptyState>
        </Card>
      </>
    );
  }
  const current = path ? `/docs/${path}` : '';
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 3, xl: 2.5 }} visibleFrom="md">
        <Box pos="sticky" top={80}>
          <DocsNav sources={sources.data.items} current={current} />
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9, lg: path ? 7 : 9, xl: path ? 7 : 9.5 }}>
        {path ? <DocsPageView path={path} /> : <DocsLanding sources={sources.data.items} />}
      </Grid.Col>
      {path && (
        <Grid.Col span={{ lg: 2, xl: 2.5 }} visibleFrom="lg">
          <Box pos="sticky" top={80}>
            <Toc path={path} />
          </Box>
        </Grid.Col>
      )}
    </Grid>
  );
}
