import { Anchor, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { TimeText } from '../components/TimeText.js';
import { RequestStateBadge, ResponseBadge } from './RequestBadges.js';
import { requestHref } from './RequestTable.js';
import { useDashboard, useRequestOptions } from './request-queries.js';
import { REQUEST_STATE_INFO, REQUEST_STATES } from './request-states.js';
import type { RequestSummary } from './request-types.js';

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

function ShortList({ title, items, empty }: { title: string; items: RequestSummary[]; empty: string }) {
  return (
    <Card withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="sm">
        {title} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.slice(0, 8).map((r) => (
            <Group key={r.id} gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={requestHref(r.id)} size="sm" truncate miw={0}>
                #{r.number} {r.title}
              </Anchor>
              {/* The badges carry the state in words: the title gives way, never they. */}
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                <RequestStateBadge state={r.state} />
                <ResponseBadge request={r} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

const hours = (value: number | null) => {
  if (value === null) return '—';
  if (value < 1) return `${Math.max(1, Math.round(value * 60))} min`;
  return value < 48 ? `${value} h` : `${Math.round(value / 24)} d`;
};

/** The Keepers' view of the loop: counts, medians, what is late and what has waited longest. */
export function DashboardView({ days, onDays }: { days: number; onDays: (days: number) => void }) {
  const board = useDashboard(days, true);
  const options = useRequestOptions();
  if (board.isPending) return <LoadingSkeleton rows={6} />;
  if (board.isError)
    return (
      <ErrorState title="Could not load the dashboard" error={board.error} onRetry={() => board.refetch()} />
    );
  const b = board.data;
  const total = Object.values(b.byState).reduce((a, n) => a + n, 0);
  if (total === 0) {
    return (
      <EmptyState icon={<IconChartBar size={22} />} title="Nothing to measure yet">
        Once teams file requests, this shows how many are in each state, how fast the Keepers answer and
        resolve them, and which ones are late. Targets per category are set in{' '}
        <code>requests.categories</code>.
      </EmptyState>
    );
  }
  const categoryTitle = (name: string) =>
    options.data?.categories.find((c) => c.name === name)?.title ?? name;
  return (
    <Stack gap="lg" data-testid="request-dashboard">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Medians over requests filed in the last {b.periodDays} days; counts over all requests.
        </Text>
        <SegmentedControl
          aria-label="Period"
          value={String(days)}
          onChange={(v) => onDays(Number(v))}
          data={[
            { value: '7', label: '7 days' },
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label="Median first response"
          value={hours(b.medianFirstResponseHours)}
          hint={`over ${b.measured.firstResponses} answered`}
        />
        <Figure
          label="Median resolution"
          value={hours(b.medianResolutionHours)}
          hint={`over ${b.measured.resolutions} closed`}
        />
        <Figure
          label="Overdue"
          value={String(new Set([...b.overdueFirstResponse, ...b.overdueResolution].map((r) => r.id)).size)}
          hint="open and past a target"
        />
        <Figure
          label="Open"
          value={String(
            ['new', 'triaged', 'in_progress', 'waiting'].reduce((a, s) => a + (b.byState[s] ?? 0), 0),
          )}
          hint={`of ${total} in all`}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md" p="md">
          <Title order={3} size="h5" mb="sm">
            By state
          </Title>
          <Stack gap={6}>
            {REQUEST_STATES.map((s) => (
              <Group key={s} justify="space-between">
                <RequestStateBadge state={s} />
                <Text size="sm" fw={600} aria-label={`${REQUEST_STATE_INFO[s].label}: ${b.byState[s] ?? 0}`}>
                  {b.byState[s] ?? 0}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder radius="md" p="md">
          <Title order={3} size="h5" mb="sm">
            By category
          </Title>
          <Stack gap={6}>
            {Object.entries(b.byCategory).map(([name, n]) => (
              <Group key={name} justify="space-between">
                <Text size="sm">{categoryTitle(name)}</Text>
                <Text size="sm" fw={600}>
                  {n}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <ShortList
          title="First response overdue"
          items={b.overdueFirstResponse}
          empty="Every open request got its first answer in time."
        />
        <ShortList
          title="Resolution overdue"
          items={b.overdueResolution}
          empty="No open request is past its resolution target."
        />
      </SimpleGrid>
      <Card withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="sm">
          Oldest open
        </Title>
        {b.oldestOpen.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing is open: every request is closed.
          </Text>
        ) : (
          <Stack gap="xs">
            {b.oldestOpen.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={requestHref(r.id)} size="sm" truncate>
                  #{r.number} {r.title}
                </Anchor>
                <Group gap="sm" wrap="nowrap">
                  <RequestStateBadge state={r.state} />
                  <Text size="xs" c="dimmed">
                    filed <TimeText value={r.createdAt} />
                  </Text>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
