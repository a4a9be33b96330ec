import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { useDocsSources } from './docs-queries.js';

/**
 * The docs of one catalog entity (its `backstage.io/techdocs-ref` folder), for its page's Docs tab:
 * the entity's pages, or how to add them.
 */
export function EntityDocsCard({ entityRef }: { entityRef: string }) {
  const sources = useDocsSources(entityRef);
  if (sources.isPending) return <LoadingSkeleton rows={3} />;
  if (sources.isError)
    return (
      <ErrorState title="Could not load the docs" error={sources.error} onRetry={() => sources.refetch()} />
    );
  const source = sources.data.items[0];
  if (!source || source.pageCount === 0) {
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
    <Card>
      <Title order={2} size="h4" mb="sm">
        Docs
      </Title>
      <Stack gap={4}>
        {source.nav
          .filter((item) => item.url)
          .map((item) => (
            <Anchor
              key={item.url}
              component={Link}
              to={item.url as string}
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
