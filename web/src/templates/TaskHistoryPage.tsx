import { Anchor, Box, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconHistory, IconTemplate } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useIsKeeper } from '../app/current-user.js';
import { paths, taskHref, templatesHref } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { StateBadge } from '../components/StateBadge.js';
import { TimeText } from '../components/TimeText.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { taskStates } from './task-states.js';
import { useTasks } from './template-queries.js';

const keys = ['scope', 'state'] as const;

/** The person's template runs, newest first (Keepers may see everyone's). */
export function TaskHistoryPage() {
  const isKeeper = useIsKeeper();
  const [filters, setFilter] = useUrlFilters(keys);
  const scope = isKeeper && filters.scope === 'all' ? 'all' : 'mine';
  const tasks = useTasks({ scope, state: filters.state });
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Box>
      <PageHeader
        title="Task history"
        trail={[{ label: 'Templates', href: paths.templates }]}
        description="Every run of a template: its state, and a link to its steps, log and outputs."
      />
      <Group gap="md" mb="lg">
        {isKeeper && (
          <SegmentedControl
            aria-label="Whose tasks"
            value={scope}
            onChange={(v) => setFilter('scope', v === 'all' ? 'all' : null)}
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'all', label: 'Everyone’s' },
            ]}
          />
        )}
        <SegmentedControl
          aria-label="State"
          value={filters.state ?? ''}
          onChange={(v) => setFilter('state', v)}
          data={[
            { value: '', label: 'Any state' },
            ...Object.entries(taskStates).map(([value, s]) => ({ value, label: s.label })),
          ]}
        />
      </Group>
      {tasks.isError ? (
        <ErrorState title="Could not load the tasks" error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : tasks.isPending ? (
        <LoadingSkeleton rows={5} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={filters.state ? <IconHistory size={28} /> : <IconTemplate size={28} />}
          title={filters.state ? 'No task in this state' : 'No task yet — start from a template'}
          action={
            <Button component={Link} to={templatesHref()}>
              Browse templates
            </Button>
          }
        >
          A task is one run of a template: the form you filled, each step, its log and what it created.
        </EmptyState>
      ) : (
        <Card p={0}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="task-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th>State</Table.Th>
                {scope === 'all' && <Table.Th>Owner</Table.Th>}
                <Table.Th>Started</Table.Th>
                <Table.Th>Task</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Anchor component={Link} to={taskHref(t.id)} fw={500}>
                      {t.templateTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge tone={taskStates[t.state].tone} live={t.state === 'running'}>
                      {taskStates[t.state].label}
                    </StateBadge>
                  </Table.Td>
                  {scope === 'all' && <Table.Td>{t.owner}</Table.Td>}
                  <Table.Td>
                    <TimeText value={t.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {t.id}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {tasks.hasNextPage && (
            <Group justify="center" p="sm">
              <Button
                variant="default"
                loading={tasks.isFetchingNextPage}
                onClick={() => tasks.fetchNextPage()}
              >
                Load more
              </Button>
            </Group>
          )}
        </Card>
      )}
    </Box>
  );
}
