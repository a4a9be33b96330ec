import { Box, Group, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../components/format.js';
import classes from './NotificationRow.module.css';
import type { NotificationItem } from './notification-types.js';

/** Props of {@link NotificationRow}. */
export interface NotificationRowProps {
  item: NotificationItem;
  /** Called when the person follows it (it is then marked read). */
  onOpen: (item: NotificationItem) => void;
  /** Show the body in full (the notifications page) or one line (the bell). */
  full?: boolean;
}

/** One notice: unread ones carry a dot and the word "Unread" for screen readers; following it opens its link. */
export function NotificationRow({ item, onOpen, full = false }: NotificationRowProps) {
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      component={Link}
      to={item.link ?? '/notifications'}
      onClick={() => onOpen(item)}
      className={classes.row}
      data-testid="notification-item"
      data-unread={unread || undefined}
      px="md"
      py="sm"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          aria-hidden="true"
          mt={7}
          style={{
            width: 8,
            height: 8,
            flexShrink: 0,
            borderRadius: '50%',
            background: unread ? 'var(--mantine-color-petrol-filled)' : 'transparent',
          }}
        />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={full ? undefined : 2}>
            {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
            {item.title}
          </Text>
          {item.body && (
            <Text size="xs" c="dimmed" lineClamp={full ? undefined : 1} style={{ whiteSpace: 'pre-line' }}>
              {item.body}
            </Text>
          )}
          <Group gap={6} mt={2}>
            <Tooltip label={formatDateTime(item.createdAt)}>
              <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
                {formatRelative(item.createdAt)}
              </Text>
            </Tooltip>
            {item.actor && (
              <Text size="xs" c="dimmed">
                · {item.actor.displayName}
              </Text>
            )}
          </Group>
        </Box>
      </Group>
    </UnstyledButton>
  );
}
