import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconEdit } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { useDocsProblems } from './docs-queries.js';
import type { DocsProblemData } from './docs-types.js';

function bySource(items: DocsProblemData[]) {
  const groups = new Map<string, { title: string; items: DocsProblemData[] }>();
  for (const item of items) {
    const group = groups.get(item.source.key) ?? { title: item.source.title, items: [] };
    group.items.push(item);
    groups.set(item.source.key, group);
  }
  return [...groups.values()];
}

/** Broken links, missing images and invalid front matter in the docs, at file and line, on the problems page. */
export function DocsProblemsSection({ severity, owner }: { severity?: string; owner?: string }) {
  const problems = useDocsProblems({ severity, owner });
  const items = problems.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" mt="xl" data-testid="docs-problems">
      <Title order={2} size="h3">
        Docs problems
      </Title>
      {problems.isPending && <LoadingSkeleton rows={3} />}
      {problems.isError && (
        <ErrorState
          title="Could not load the docs problems"
          error={problems.error}
          onRetry={() => problems.refetch()}
        />
      )}
      {problems.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState size="sm" icon={<IconCircleCheck size={22} />} title="No docs problems">
            Every link and image in the docs points somewhere real. Each docs sync checks them again.
          </EmptyState>
        </Card>
      )}
      {bySource(items).map((group) => (
        <Card key={group.title} p="md">
          <Text fw={600} mb="xs">
            {group.title}
          </Text>
          <Stack gap={6}>
            {group.items.map((p) => (
              <Group
                key={`${p.file}:${p.line}:${p.code}:${p.message}`}
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                align="flex-start"
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Badge size="xs" color={p.severity === 'error' ? 'red' : 'yellow'} variant="light">
                      {p.severity}
                    </Badge>
                    <Text size="sm" ff="monospace" truncate>
                      {p.file}:{p.line}
                    </Text>
                  </Group>
                  <Text size="sm">{p.message}</Text>
                  <Text size="xs" c="dimmed">
                    {p.code}
                  </Text>
                </Stack>
                {p.editUrl && (
                  <Anchor href={p.editUrl} target="_blank" rel="noopener noreferrer" size="sm">
                    <Group gap={4} wrap="nowrap">
                      <IconEdit size={14} aria-hidden />
                      Fix in git
                    </Group>
                  </Anchor>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
      {problems.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => problems.fetchNextPage()}
            loading={problems.isFetchingNextPage}
          >
            Load more docs problems
          </Button>
        </Group>
      )}
    </Stack>
  );
}
