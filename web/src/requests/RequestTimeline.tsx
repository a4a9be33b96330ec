import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import {
  IconAlarm,
  IconArrowRight,
  IconFile,
  IconFlag,
  IconMessage,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { initials } from '../components/format.js';
import { TimeText } from '../components/TimeText.js';
import { RequestMarkdown } from './RequestMarkdown.js';
import { REQUEST_STATE_INFO } from './request-states.js';
import type { AttachmentView, CommentView, EventView, RequestDetail } from './request-types.js';

type Entry = { at: string; key: string; node: ReactNode; bullet: ReactNode };

/** Links to download files. */
export function Attachments({ items }: { items: AttachmentView[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap="xs" mt="xs">
      {items.map((a) => (
        <Anchor key={a.id} href={a.url} size="sm" download={a.filename}>
          <Group gap={4} wrap="nowrap">
            <IconFile size={14} />
            {a.filename}
            <Text span size="xs" c="dimmed">
              ({Math.max(1, Math.round(a.size / 1024))} KB)
            </Text>
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}

function CommentCard({ comment, attachments }: { comment: CommentView; attachments: AttachmentView[] }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="request-comment"
      style={
        comment.byKeeper
          ? { borderLeft: '3px solid var(--mantine-color-petrol-6, var(--mantine-primary-color-filled))' }
          : undefined
      }
    >
      <Group gap="xs" mb={6}>
        <Avatar size={22} radius="xl">
          {initials(comment.author.displayName)}
        </Avatar>
        <Text size="sm" fw={600}>
          {comment.author.displayName}
        </Text>
        {comment.byKeeper && (
          <Badge size="xs" variant="light" tt="none">
            Keeper
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          <TimeText value={comment.createdAt} />
        </Text>
      </Group>
      <RequestMarkdown html={comment.bodyHtml} />
      <Attachments items={attachments} />
    </Paper>
  );
}

function eventText(event: EventView): string {
  const who = event.actor?.displayName ?? 'Plinth';
  const to = event.toState ? REQUEST_STATE_INFO[event.toState].label.toLowerCase() : '';
  switch (event.kind) {
    case 'filed':
      return `${who} filed the request`;
    case 'moved': {
      const reason = typeof event.details.reason === 'string' ? ` — “${event.details.reason}”` : '';
      return `${who} moved it to ${to}${reason}`;
    }
    case 'assigned':
      return `${who} assigned it to ${String(event.details.assignee)}`;
    case 'attached':
      return `${who} attached ${String(event.details.filename)}`;
    case 'escalated':
      return `Escalated to all Keepers: the ${event.details.target === 'first-response' ? 'first response' : 'resolution'} is overdue`;
    default:
      return `${who}: ${event.kind}`;
  }
}

const bullets: Record<string, ReactNode> = {
  filed: <IconFlag size={12} />,
  moved: <IconArrowRight size={12} />,
  assigned: <IconUserCheck size={12} />,
  attached: <IconFile size={12} />,
  escalated: <IconAlarm size={12} />,
};

/** Comments, moves, assignments, files and escalations in the order they happened. */
export function RequestTimeline({ request }: { request: RequestDetail }) {
  const byComment = (id: string | null) => request.attachments.filter((a) => a.commentId === id);
  const entries: Entry[] = [
    ...request.comments.map((c) => ({
      at: c.createdAt,
      key: c.id,
      bullet: <IconMessage size={12} />,
      node: <CommentCard comment={c} attachments={byComment(c.id)} />,
    })),
    ...request.events
      .filter(
        (e) =>
          e.kind !== 'commented' &&
          !(
            e.kind === 'attached' &&
            request.attachments.find((a) => a.id === e.details.attachmentId)?.commentId
          ),
      )
      .map((e) => ({
        at: e.at,
        key: e.id,
        bullet: bullets[e.kind] ?? <IconArrowRight size={12} />,
        node: (
          <Group gap="xs" wrap="nowrap" data-testid="request-event">
            <Text size="sm" c={e.kind === 'escalated' ? 'red' : undefined}>
              {eventText(e)}
            </Text>
            <Text size="xs" c="dimmed">
              <TimeText value={e.at} />
            </Text>
          </Group>
        ),
      })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  return (
    <Stack gap="xs">
      <Timeline bulletSize={22} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.key} bullet={entry.bullet}>
            {entry.node}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
