import { Anchor, Box, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconChartDots3 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSweeps } from '../../api/sweep-queries.js';
import { specOf } from '../../api/sweep-types.js';
import { paths, sweepHref } from '../../app/routes.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { TimeText } from '../../components/TimeText.js';
import { SweepStateBadge } from './SweepStateBadge.js';
import { formatValue } from './sweep-states.js';

/** The sweeps of the Compute page: mine, my teams' or all, newest first. */
export function SweepList({ scope }: { scope: 'mine' | 'team' | 'all' }) {
  const sweeps = useSweeps(scope);
  const items = sweeps.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card p={0} mt="lg" data-testid="sweep-list">
      <Group justify="space-between" p="md">
        <div>
          <Title order={2} size="h4">
            Sweeps
          </Title>
          <Text size="sm" c="dimmed">
            Trials of one job over a parameter space; the best one kept.
          </Text>
        </div>
        <Button
          component={Link}
          to={paths.newSweep}
          variant="default"
          leftSection={<IconChartDots3 size={16} />}
        >
          Start sweep
        </Button>
      </Group>
      {sweeps.isPending ? (
        <Box p="md">
          <LoadingSkeleton rows={3} />
        </Box>
      ) : sweeps.isError ? (
        <Box p="md">
          <ErrorState
            title="Could not load the sweeps"
            error={sweeps.error}
            onRetry={() => sweeps.refetch()}
          />
        </Box>
      ) : items.length === 0 ? (
        <EmptyState icon={<IconChartDots3 size={28} />} title="No sweeps yet" size="sm">
          A sweep runs your job many times with other parameters and finds the best. Start one here, or with{' '}
          <code>plinth sweep run sweep.yaml</code>.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Trials</Table.Th>
                <Table.Th>Best</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((sweep) => {
                const spec = specOf(sweep);
                return (
                  <Table.Tr key={sweep.id}>
                    <Table.Td>
                      <Anchor component={Link} to={sweepHref(sweep.id)} fw={600}>
                        {sweep.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {spec.algorithm} · {spec.objective.goal} {spec.objective.metric}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SweepStateBadge state={sweep.state} />
                    </Table.Td>
                    <Table.Td>
                      {sweep.trialCount} / {spec.maxTrials}
                    </Table.Td>
                    <Table.Td>
                      {sweep.best ? (
                        <Text size="sm" ff="monospace">
                          {formatValue(sweep.best.value)}{' '}
                          <Text span size="xs" c="dimmed" ff="inherit">
                            (trial {sweep.best.trial})
                          </Text>
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TimeText value={sweep.createdAt} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
