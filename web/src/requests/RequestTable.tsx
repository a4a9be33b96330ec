import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { TimeText } from '../components/TimeText.js';
import { RequestStateBadge, ResponseBadge } from './RequestBadges.js';
import { URGENCY_LABELS } from './request-states.js';
import type { RequestSummary } from './request-types.js';

/** Link to one request's page. */
export const requestHref = (id: string) => `/requests/${encodeURIComponent(id)}`;

function RequestRow({ request, showRequester }: { request: RequestSummary; showRequester: boolean }) {
  const late = request.overdue.firstResponse || request.overdue.resolution;
  return (
    <Table.Tr
      data-request-id={request.id}
      data-state={request.state}
      data-overdue={late || undefined}
      style={late ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}
    >
      <Table.Td>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
              #{request.number}
            </Text>
            <Anchor
              component={Link}
              to={requestHref(request.id)}
              fw={600}
              size="sm"
              truncate
              data-testid="request-link"
            >
              {request.title}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {request.categoryTitle}
            {request.urgency !== 'normal' && ` · ${URGENCY_LABELS[request.urgency]} urgency`}
            {request.team && ` · ${request.team}`}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <RequestStateBadge state={request.state} />
          <ResponseBadge request={request} />
        </Stack>
      </Table.Td>
      {showRequester && (
        <Table.Td>
          <Text size="sm" truncate>
            {request.requester.displayName}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <Text size="sm" c={request.assignee ? undefined : 'dimmed'} truncate>
          {request.assignee?.displayName ?? 'Not assigned yet'}
        </Text>
      </Table.Td>
      <Table.Td>
        <TimeText value={request.updatedAt} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Requests as a table: number and title, state with its response-time badge, people, last change. */
export function RequestTable({
  requests,
  showRequester,
}: {
  requests: RequestSummary[];
  showRequester: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={showRequester ? 860 : 720}>
      <Table highlightOnHover layout="fixed" data-testid="request-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Request</Table.Th>
            <Table.Th w={235}>State</Table.Th>
            {showRequester && <Table.Th w={160}>Filed by</Table.Th>}
            <Table.Th w={160}>Assignee</Table.Th>
            <Table.Th w={130}>Last change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <RequestRow key={request.id} request={request} showRequester={showRequester} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
