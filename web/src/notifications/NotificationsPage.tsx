import { Box, Button, Card, Group, SegmentedControl } from '@mantine/core';
import { IconAdjustments, IconBellCheck, IconChecks } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { NotificationRow } from './NotificationRow.js';
import { useMarkAllRead, useMarkRead, useNotificationPages, useUnreadCount } from './notification-queries.js';

const FILTER_KEYS = ['show'] as const;

function NotificationList({ unreadOnly }: { unreadOnly: boolean }) {
  const pages = useNotificationPages(unreadOnly);
  const markRead = useMarkRead();
  if (pages.isError) {
    return (
      <Box p="md">
        <ErrorState
          title="Could not load your notifications"
          error={pages.error}
          onRetry={() => pages.refetch()}
        />
      </Box>
    );
  }
  if (pages.isPending) {
    return (
      <Box p="md">
        <LoadingSkeleton rows={5} />
      </Box>
    );
  }
  const items = pages.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState icon={<IconBellCheck size={28} />} title={unreadOnly ? 'All read' : 'No notifications yet'}>
        {unreadOnly
          ? 'You have read everything. New answers to your requests, problems in your team’s catalog entities and secrets about to expire will show here.'
          : 'You will be told here when a Keeper answers your request, when your team’s catalog entities have new problems, and when a team secret is about to expire.'}
      </EmptyState>
    );
  }
  return (
    <>
      {items.map((item) => (
        <NotificationRow
          key={item.id}
          item={item}
          full
          onOpen={(opened) => {
            if (!opened.readAt) markRead.mutate(opened.id);
          }}
        />
      ))}
      {pages.hasNextPage && (
        <Group justify="center" p="sm">
          <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            Show older
          </Button>
        </Group>
      )}
    </>
  );
}

/** Every notification of the signed-in person, unread ones or all, with "Mark all read". */
export function NotificationsPage() {
  const [filters, setFilter] = useUrlFilters(FILTER_KEYS);
  const show = filters.show === 'unread' ? 'unread' : 'all';
  const markAll = useMarkAllRead();
  // The bell's stream keeps this count fresh; this page need not poll it.
  const unread = useUnreadCount(true).data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened that concerns you: answers to your requests, your teams’ catalog problems, secrets about to expire. The bell in the top bar shows how many are unread."
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={paths.notificationPreferences}
              leftSection={<IconAdjustments size={16} />}
            >
              Choose what you get
            </Button>
            <Button
              leftSection={<IconChecks size={16} />}
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </Button>
          </>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label="Show"
        value={show}
        onChange={(value) => setFilter('show', value === 'unread' ? 'unread' : null)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: 'Unread' },
        ]}
      />
      <Card p={0}>
        <NotificationList unreadOnly={show === 'unread'} />
      </Card>
    </>
  );
}
