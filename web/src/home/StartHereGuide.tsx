import { Anchor, Box, Button, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconSchool } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { useMyGuides } from '../docs/docs-queries.js';
import type { MyGuides } from '../docs/docs-types.js';

type Guide = MyGuides['items'][number];

/**
 * The guide to show: the one the Keepers put under "startHere" in the platform repo, else the
 * first of the list, which puts the guides the person started first, then the guides in order.
 */
export function featuredGuide(guides: Guide[], hrefs: string[]): Guide | undefined {
  return guides.find((g) => hrefs.includes(g.url)) ?? guides[0];
}

function actionLabel(done: number, completed: boolean): string {
  if (completed) return 'Read it again';
  return done === 0 ? 'Start the guide' : 'Continue the guide';
}

function GuideBlock({ guide }: { guide: Guide }) {
  const { done, steps, completed } = guide.progress;
  const value = steps ? (done.length / steps) * 100 : 0;
  return (
    <Box p="md" className="plinth-start-guide" data-testid="start-here-guide">
      <Stack gap="sm">
        <Stack gap={2}>
          <Anchor component={Link} to={guide.url} fw={600}>
            {guide.title}
          </Anchor>
          {guide.description && (
            <Text size="sm" c="dimmed">
              {guide.description}
            </Text>
          )}
        </Stack>
        <Stack gap={6}>
          <Group gap={6}>
            {completed && <IconCircleCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />}
            <Text size="sm" fw={500} data-testid="start-here-progress">
              {completed ? 'Done: every step ticked' : `${done.length} of ${steps} steps done`}
            </Text>
          </Group>
          <Progress
            value={value}
            color={completed ? 'teal' : undefined}
            aria-label={`Guide progress: ${Math.round(value)}%`}
            size="md"
            radius="xl"
          />
        </Stack>
        <Button
          component={Link}
          to={guide.url}
          variant={completed ? 'default' : 'filled'}
          rightSection={<IconArrowRight size={16} />}
          w="fit-content"
        >
          {actionLabel(done.length, completed)}
        </Button>
      </Stack>
    </Box>
  );
}

/** Home: the person's starting guide with how far they are, and the way back into it. */
export function StartHereGuide({ hrefs }: { hrefs: string[] }) {
  const guides = useMyGuides();
  if (guides.isPending) return <Skeleton height={150} radius="md" />;
  if (guides.isError) {
    return (
      <ErrorState title="Could not load your guides" error={guides.error} onRetry={() => guides.refetch()} />
    );
  }
  const guide = featuredGuide(guides.data.items, hrefs);
  if (!guide) {
    return (
      <EmptyState
        size="sm"
        icon={<IconSchool size={22} />}
        title="No guides yet"
        action={
          <Button component={Link} to={paths.docs} size="xs" variant="light">
            Browse the docs
          </Button>
        }
      >
        Keepers write guides in the platform repo’s docs/guides folder; the first one appears here with your
        progress.
      </EmptyState>
    );
  }
  return <GuideBlock guide={guide} />;
}
