import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { NotificationRow } from './NotificationRow.js';
import {
  useLatestNotifications,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './notification-queries.js';
import { useNotificationStream } from './use-notification-stream.js';

function Panel({ onClose }: { onClose: () => void }) {
  const latest = useLatestNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = latest.data?.unread ?? 0;
  return (
    <Stack gap={0}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Text fw={600}>Notifications</Text>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconChecks size={14} />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </Button>
      </Group>
      <Divider />
      {latest.isError ? (
        <Box p="md">
          <ErrorState
            title="Could not load your notifications"
            error={latest.error}
            onRetry={() => latest.refetch()}
          />
        </Box>
      ) : latest.isPending ? (
        <Box p="md">
          <LoadingSkeleton rows={3} />
        </Box>
      ) : latest.data.items.length === 0 ? (
        <Stack align="center" gap={4} p="xl" data-testid="notifications-empty">
          <IconBellOff size={28} color="var(--mantine-color-dimmed)" aria-hidden="true" />
          <Text size="sm" fw={500}>
            Nothing new
          </Text>
          <Text size="xs" c="dimmed" ta="center" maw={260}>
            Answers to your requests, problems in your team’s catalog entities and secrets about to expire
            show up here.
          </Text>
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          {latest.data.items.map((item) => (
            <NotificationRow
              key={item.id}
              item={item}
              onOpen={(opened) => {
                if (!opened.readAt) markRead.mutate(opened.id);
                onClose();
              }}
            />
          ))}
        </ScrollArea.Autosize>
      )}
      <Divider />
      <Group justify="space-between" px="md" py="xs">
        <Anchor component={Link} to={paths.notifications} size="sm" onClick={onClose}>
          See all
        </Anchor>
        <Anchor component={Link} to={paths.notificationPreferences} size="sm" c="dimmed" onClick={onClose}>
          Choose what you get
        </Anchor>
      </Group>
    </Stack>
  );
}

/** The bell in the top bar: unread count, live; a click opens the latest notices. */
export function NotificationBell() {
  const streaming = useNotificationStream();
  const count = useUnreadCount(streaming).data?.unread ?? 0;
  const [opened, setOpened] = useState(false);
  const label = count > 99 ? '99+' : String(count);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator
          label={label}
          size={16}
          offset={6}
          color="red"
          disabled={count === 0}
          styles={{ indicator: { fontSize: 10, fontWeight: 700, padding: '0 4px' } }}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={`Notifications: ${count} unread`}
            aria-haspopup="dialog"
            aria-expanded={opened}
            data-testid="notification-bell"
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
        <Panel onClose={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}
