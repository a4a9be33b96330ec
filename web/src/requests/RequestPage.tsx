import { Alert, Box, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { paths } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { CommentBox } from './CommentBox.js';
import { RequestActions } from './RequestActions.js';
import { RequestStateBadge, ResponseBadge } from './RequestBadges.js';
import { RequestFacts } from './RequestFacts.js';
import { RequestMarkdown } from './RequestMarkdown.js';
import { Attachments, RequestTimeline } from './RequestTimeline.js';
import { useRequest } from './request-queries.js';
import { REQUEST_STATE_INFO } from './request-states.js';
import type { RequestDetail } from './request-types.js';

function ClosedNote({ request }: { request: RequestDetail }) {
  if (request.state === 'declined') {
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />} title="Declined">
        {request.declineReason}
      </Alert>
    );
  }
  if (request.state === 'withdrawn') {
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />} title="Withdrawn by the requester">
        {request.withdrawReason ?? 'No reason given.'}
      </Alert>
    );
  }
  if (request.state === 'waiting') {
    return (
      <Alert color="yellow" icon={<IconInfoCircle size={18} />} title="The Keepers are waiting for an answer">
        {REQUEST_STATE_INFO.waiting.hint}.
      </Alert>
    );
  }
  return null;
}

function RequestView({ request }: { request: RequestDetail }) {
  return (
    <>
      <PageHeader
        title={`#${request.number} ${request.title}`}
        trail={[{ label: 'Requests', href: paths.requests }]}
        badge={
          <Group gap={6}>
            <RequestStateBadge state={request.state} />
            <ResponseBadge request={request} />
          </Group>
        }
        actions={<CopyButton value={`${window.location.origin}/requests/${request.id}`} label="Copy link" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ClosedNote request={request} />
            <RequestActions request={request} />
            <Card withBorder radius="md" p="md">
              <Title order={2} size="h5" mb="xs">
                Description
              </Title>
              {request.description.trim() ? (
                <RequestMarkdown html={request.descriptionHtml} />
              ) : (
                <Text size="sm" c="dimmed">
                  No details were given.
                </Text>
              )}
              <Attachments items={request.attachments.filter((a) => a.commentId === null)} />
            </Card>
            <Box>
              <Title order={2} size="h5" mb="sm">
                History
              </Title>
              <RequestTimeline request={request} />
            </Box>
            <CommentBox request={request} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <RequestFacts request={request} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** One request: what was asked, its state and targets, the whole conversation, and what can be done now. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  if (request.isPending) return <LoadingSkeleton rows={8} />;
  if (request.isError) {
    return (
      <>
        <PageHeader title="Request" trail={[{ label: 'Requests', href: paths.requests }]} />
        <ErrorState
          title="Could not load this request"
          error={request.error}
          onRetry={() => request.refetch()}
        />
      </>
    );
  }
  return <RequestView request={request.data} />;
}
