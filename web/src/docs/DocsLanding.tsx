import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBooks, IconChecklist, IconClockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useIsKeeper } from '../app/current-user.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { useMyGuides, useStaleGuides } from './docs-queries.js';
import type { DocsSourceData } from './docs-types.js';

function GuidesCard() {
  const guides = useMyGuides();
  return (
    <Card>
      <Group gap="sm" mb="md">
        <ThemeIcon variant="light" size={32} radius="md">
          <IconChecklist size={18} />
        </ThemeIcon>
        <Title order={2} size="h3">
          Guides
        </Title>
      </Group>
      {guides.isPending && <LoadingSkeleton rows={4} />}
      {guides.isError && (
        <ErrorState title="Could not load the guides" error={guides.error} onRetry={() => guides.refetch()} />
      )}
      {guides.data?.items.length === 0 && (
        <EmptyState size="sm" icon={<IconChecklist size={22} />} title="No guides yet">
          Guides are Markdown files in the platform repo's docs/guides/ folder; each second-level heading is a
          step.
        </EmptyState>
      )}
      <Stack gap={4}>
        {guides.data?.items.map((guide) => {
          const { done, steps, completed } = guide.progress;
          return (
            <Anchor
              key={guide.url}
              component={Link}
              to={guide.url}
              underline="never"
              c="inherit"
              className="plinth-start-link"
            >
              <Stack gap={4} p="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm" c="var(--mantine-color-anchor)">
                    {guide.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {completed ? 'Completed' : `${done.length}/${steps} steps`}
                  </Text>
                </Group>
                {guide.description && (
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {guide.description}
                  </Text>
                )}
                <Progress
                  value={steps ? (done.length / steps) * 100 : 0}
                  size="xs"
                  color={completed ? 'teal' : undefined}
                  aria-hidden
                />
              </Stack>
            </Anchor>
          );
        })}
      </Stack>
    </Card>
  );
}

function StaleGuidesCard() {
  const stale = useStaleGuides();
  return (
    <Card data-testid="stale-guides">
      <Group gap="sm" mb="xs">
        <ThemeIcon variant="light" color="yellow" size={32} radius="md">
          <IconClockExclamation size={18} />
        </ThemeIcon>
        <Title order={2} size="h3">
          Guides to check
        </Title>
        {stale.data && (
          <Badge color={stale.data.items.length ? 'yellow' : 'teal'}>{stale.data.items.length}</Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        For Keepers: guides not verified in the last {stale.data?.maxAgeDays ?? '…'} days. Check each against
        the platform, then update its <code>verified</code> date.
      </Text>
      {stale.isError && (
        <ErrorState title="Could not load stale guides" error={stale.error} onRetry={() => stale.refetch()} />
      )}
      {stale.data?.items.length === 0 && <Text size="sm">Every guide was verified recently.</Text>}
      <Stack gap={4}>
        {stale.data?.items.map((guide) => (
          <Group key={guide.url} justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={guide.url} size="sm">
              {guide.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {guide.verified ? `verified ${guide.verified}` : 'never verified'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function SourcesCard({ sources }: { sources: DocsSourceData[] }) {
  return (
    <Card>
      <Group gap="sm" mb="md">
        <ThemeIcon variant="light" size={32} radius="md">
          <IconBooks size={18} />
        </ThemeIcon>
        <Title order={2} size="h3">
          Where the docs come from
        </Title>
      </Group>
      <Stack gap={4}>
        {sources.map((source) => (
          <Anchor
            key={source.key}
            component={Link}
            to={source.url}
            underline="never"
            c="inherit"
            className="plinth-start-link"
          >
            <Group justify="space-between" p="sm" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600} size="sm" c="var(--mantine-color-anchor)">
                  {source.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {source.origin === 'platform' ? 'The platform repo' : source.entityRef}
                </Text>
              </Stack>
              <Text size="xs" c="dimmed">
                {source.pageCount} pages{source.problemCount ? ` · ${source.problemCount} problems` : ''}
              </Text>
            </Group>
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}

/** /docs without a page: the guides with your progress, the sources, and (Keepers) guides to check. */
export function DocsLanding({ sources }: { sources: DocsSourceData[] }) {
  const isKeeper = useIsKeeper();
  return (
    <>
      <PageHeader
        title="Docs"
        description="Guides that take you through the platform step by step, the practices our teams agreed on, and the docs of each project. Everything here is Markdown in git: anyone can propose a change."
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <GuidesCard />
        <Stack gap="lg">
          {isKeeper && <StaleGuidesCard />}
          <SourcesCard sources={sources} />
        </Stack>
      </SimpleGrid>
    </>
  );
}
