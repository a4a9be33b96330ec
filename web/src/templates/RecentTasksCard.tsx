import { Anchor, Box, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths, taskHref } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { formatDateTime, formatRelative } from '../components/format.js';
import { StateBadge } from '../components/StateBadge.js';
import { HomeCardHeader, SeeAllLink } from '../home/HomeCardHeader.js';
import { taskStates } from './task-states.js';
import { useTasks } from './template-queries.js';

const SHOWN = 5;

function RecentTasksList() {
  const tasks = useTasks({});
  if (tasks.isPending) return <Skeleton height={120} radius="md" />;
  if (tasks.isError) {
    return (
      <ErrorState title="Could not load your tasks" error={tasks.error} onRetry={() => tasks.refetch()} />
    );
  }
  const items = (tasks.data.pages[0]?.items ?? []).slice(0, SHOWN);
  if (items.length === 0) {
    return (
      <EmptyState
        size="sm"
        icon={<IconTemplate size={22} />}
        title="Nothing created from a template yet"
        action={
          <Button component={Link} to={paths.templates} size="xs">
            Browse templates
          </Button>
        }
      >
        A template makes a project or cloud resources with tests, CI and safe settings already in place.
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {items.map((t) => (
        <Box key={t.id} p="sm" className="plinth-row" data-testid="recent-task">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={taskHref(t.id)} fw={600} size="sm" truncate>
                {t.templateTitle}
              </Anchor>
              <Text size="xs" c="dimmed">
                started{' '}
                <time dateTime={t.createdAt} title={formatDateTime(t.createdAt)}>
                  {formatRelative(t.createdAt)}
                </time>
              </Text>
            </Stack>
            <StateBadge tone={taskStates[t.state].tone} live={t.state === 'running'}>
              {taskStates[t.state].label}
            </StateBadge>
          </Group>
        </Box>
      ))}
      <SeeAllLink to={paths.tasks}>All your tasks</SeeAllLink>
    </Stack>
  );
}

/** Home: what the signed-in person last created from templates, with each task's state. */
export function RecentTasksCard() {
  return (
    <Card h="100%" data-testid="recent-tasks">
      <HomeCardHeader
        icon={<IconTemplate size={18} />}
        title="Your recent tasks"
        action={
          <Button component={Link} to={paths.templates} variant="subtle" size="compact-sm">
            New from template
          </Button>
        }
      />
      <RecentTasksList />
    </Card>
  );
}
