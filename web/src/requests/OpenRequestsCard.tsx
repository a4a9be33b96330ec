import { Anchor, Box, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconLifebuoy, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { formatRelative } from '../components/format.js';
import { HomeCardHeader, SeeAllLink } from '../home/HomeCardHeader.js';
import { RequestStateBadge, ResponseBadge } from './RequestBadges.js';
import { requestHref } from './RequestTable.js';
import { openRequestForm } from './request-form-store.js';
import { useRequests } from './request-queries.js';
import type { RequestSummary } from './request-types.js';

const SHOWN = 5;

function RequestRow({ request }: { request: RequestSummary }) {
  return (
    <Box p="sm" className="plinth-row" data-testid="open-request">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={requestHref(request.id)} fw={600} size="sm" truncate>
            #{request.number} {request.title}
          </Anchor>
          <Group gap={6}>
            <ResponseBadge request={request} />
            <Text size="xs" c="dimmed">
              {request.assignee ? `with ${request.assignee.displayName}` : 'filed'} ·{' '}
              {formatRelative(request.updatedAt)}
            </Text>
          </Group>
        </Stack>
        <RequestStateBadge state={request.state} />
      </Group>
    </Box>
  );
}

function OpenRequestsList() {
  const requests = useRequests({ scope: 'mine', state: 'open' }, SHOWN);
  if (requests.isPending) return <Skeleton height={120} radius="md" />;
  if (requests.isError) {
    return (
      <ErrorState
        title="Could not load your requests"
        error={requests.error}
        onRetry={() => requests.refetch()}
      />
    );
  }
  const items = requests.data.pages[0]?.items ?? [];
  if (items.length === 0) {
    return (
      <EmptyState
        size="sm"
        icon={<IconLifebuoy size={22} />}
        title="Nothing open"
        action={
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => openRequestForm(null)}>
            Ask the Keepers
          </Button>
        }
      >
        Stuck, or need access? “Request help” in the top bar asks the Keepers with the page you are on
        attached.
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {items.map((r) => (
        <RequestRow key={r.id} request={r} />
      ))}
      <SeeAllLink to={paths.requests}>All your requests</SeeAllLink>
    </Stack>
  );
}

/** Home: the signed-in person's open requests with their state and when to expect an answer. */
export function OpenRequestsCard() {
  return (
    <Card h="100%" data-testid="open-requests">
      <HomeCardHeader
        icon={<IconLifebuoy size={18} />}
        title="Your open requests"
        action={
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => openRequestForm(null)}
          >
            New request
          </Button>
        }
      />
      <OpenRequestsList />
    </Card>
  );
}
