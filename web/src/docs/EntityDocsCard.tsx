import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowUpRight, IconBook2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { DocContent } from './DocContent.js';
import { useDocsPage, useDocsSources } from './docs-queries.js';
import type { DocsSourceData } from './docs-types.js';
import './docs.css';

/** The page's own first heading repeats the title the card shows. */
const withoutTitle = (html: string) => html.replace(/^\s*<h1[^>]*>[\s\S]*?<\/h1>\s*/, '');

/** The first page of the source (its index), shown in full in the tab. */
function FirstPage({ url }: { url: string }) {
  const page = useDocsPage(url.replace(/^\/docs\//, ''));
  if (page.isPending) return <LoadingSkeleton rows={6} />;
  if (page.isError)
    return <ErrorState title="Could not load this page" error={page.error} onRetry={() => page.refetch()} />;
  return (
    <Card p="lg" data-testid="entity-docs-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} size="h3">
            {page.data.title}
          </Title>
          {page.data.description && (
            <Text size="sm" c="dimmed">
              {page.data.description}
            </Text>
          )}
        </Stack>
        <Button
          component={Link}
          to={page.data.url}
          variant="default"
          size="xs"
          rightSection={<IconArrowUpRight size={14} />}
        >
          Open in Docs
        </Button>
      </Group>
      <DocContent html={withoutTitle(page.data.html)} hasMermaid={page.data.hasMermaid} />
    </Card>
  );
}

function PageList({ source, shown }: { source: DocsSourceData; shown: string }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Pages
      </Title>
      <Stack gap={4} component="nav" aria-label="Pages of these docs">
        {source.nav
          .filter((item) => item.url)
          .map((item) => (
            <Anchor
              key={item.url}
              component={Link}
              to={item.url as string}
              size="sm"
              fw={item.url === shown ? 600 : undefined}
              aria-current={item.url === shown ? 'page' : undefined}
              style={{ paddingLeft: item.depth * 14 }}
            >
              {item.title}
            </Anchor>
          ))}
      </Stack>
      {source.problemCount > 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {source.problemCount} problems in these docs are listed on the Problems page.
        </Text>
      )}
    </Card>
  );
}

/**
 * The docs of one catalog entity (its `backstage.io/techdocs-ref` folder), for its page's Docs tab:
 * its first page in full beside the list of its pages, or how to add them.
 */
export function EntityDocsCard({ entityRef }: { entityRef: string }) {
  const sources = useDocsSources(entityRef);
  if (sources.isPending) return <LoadingSkeleton rows={3} />;
  if (sources.isError)
    return (
      <ErrorState title="Could not load the docs" error={sources.error} onRetry={() => sources.refetch()} />
    );
  const source = sources.data.items[0];
  const first = source?.nav.find((item) => item.url)?.url;
  if (!source || source.pageCount === 0 || !first) {
    return (
      <Card>
        <EmptyState size="sm" icon={<IconBook2 size={22} />} title="No docs for this entity yet">
          Put Markdown files in a folder of its repository and name it in the entity's catalog file with the
          annotation backstage.io/techdocs-ref: dir:./docs. They appear here, in Docs and in search after the
          next sync.
        </EmptyState>
      </Card>
    );
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <PageList source={source} shown={first} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <FirstPage url={first} />
      </Grid.Col>
    </Grid>
  );
}
