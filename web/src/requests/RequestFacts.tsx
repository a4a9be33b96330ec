import { Anchor, Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { entityHref } from '../app/routes.js';
import { formatDateTime } from '../components/format.js';
import { TimeText } from '../components/TimeText.js';
import { URGENCY_LABELS } from './request-states.js';
import type { RequestDetail } from './request-types.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The side panel of a request: who, what kind, how urgent, when it is due, what it is about. */
export function RequestFacts({ request }: { request: RequestDetail }) {
  const { context } = request;
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Fact label="Filed by">
          {request.requester.displayName}
          {request.team && (
            <Text span c="dimmed" size="sm">
              {' '}
              for {request.team}
            </Text>
          )}
        </Fact>
        <Fact label="Assignee">
          {request.assignee?.displayName ?? (
            <Text span c="dimmed" size="sm">
              Not assigned yet
            </Text>
          )}
        </Fact>
        <Fact label="Category">{request.categoryTitle}</Fact>
        <Fact label="Urgency">{URGENCY_LABELS[request.urgency]}</Fact>
        <Fact label="Filed">
          <TimeText value={request.createdAt} />
        </Fact>
        <Fact label="First response">
          {request.firstResponseAt ? (
            <>
              answered <TimeText value={request.firstResponseAt} />
            </>
          ) : (
            <Text span size="sm" c={request.overdue.firstResponse ? 'red' : undefined}>
              due {formatDateTime(request.firstResponseDueAt)}
            </Text>
          )}
        </Fact>
        <Fact label={request.closedAt ? 'Closed' : 'Resolution due'}>
          {request.closedAt ? (
            <TimeText value={request.closedAt} />
          ) : (
            <Text span size="sm" c={request.overdue.resolution ? 'red' : undefined}>
              {formatDateTime(request.resolutionDueAt)}
            </Text>
          )}
        </Fact>
        {(context.path || context.entity || context.step) && (
          <Fact label="About">
            <Stack gap={2}>
              {context.entity && (
                <Anchor component={Link} to={entityHref(context.entity)} size="sm">
                  {context.entity}
                </Anchor>
              )}
              {context.step && <Text size="sm">Guide step: {context.step}</Text>}
              {context.path && !context.entity && (
                <Anchor component={Link} to={context.path} size="sm" style={{ wordBreak: 'break-all' }}>
                  {context.path}
                </Anchor>
              )}
            </Stack>
          </Fact>
        )}
        {request.proposalId && (
          <Fact label="Radar proposal">
            <Anchor
              component={Link}
              to={`/radar/proposals/${encodeURIComponent(request.proposalId)}`}
              size="sm"
            >
              Proposal {request.proposalId}
            </Anchor>
          </Fact>
        )}
      </Stack>
    </Card>
  );
}
