import { Badge, Box, Button, Card, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { paths } from '../app/routes.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { StateBadge, type StateTone } from '../components/StateBadge.js';
import { TimeText } from '../components/TimeText.js';
import { AddWebhookDialog } from './AddWebhookDialog.js';
import { useDeleteWebhook, useTestWebhook, useWebhooks } from './notification-queries.js';
import type { DeliveryState, Webhook } from './notification-types.js';

const stateTone: Record<DeliveryState, StateTone> = { sent: 'ok', pending: 'info', failed: 'danger' };
const stateLabel: Record<DeliveryState, string> = { sent: 'Sent', pending: 'Retrying', failed: 'Given up' };

function Deliveries({ webhook }: { webhook: Webhook }) {
  if (webhook.deliveries.recent.length === 0) {
    return (
      <Text size="sm" c="dimmed" px="md" pb="md">
        Nothing sent yet. “Send test” checks that the receiver answers.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" horizontalSpacing="md" layout="fixed">
        {/* Fixed widths, so the tables of all webhooks line up one under another. */}
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Notice</Table.Th>
            <Table.Th w={130}>State</Table.Th>
            <Table.Th w={90}>Attempts</Table.Th>
            <Table.Th w="36%">Last error</Table.Th>
            <Table.Th w={120}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhook.deliveries.recent.map((d) => (
            <Table.Tr key={d.id} data-testid="webhook-delivery">
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {d.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.topic}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge tone={stateTone[d.state]} live={d.state === 'pending'}>
                  {d.state === 'pending' && d.attempts === 0 ? 'Queued' : stateLabel[d.state]}
                </StateBadge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                {d.lastError ? (
                  <Tooltip label={d.lastError} multiline maw={420}>
                    <Text size="xs" c="red" lineClamp={2} ff="monospace">
                      {d.lastError}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <TimeText value={d.updatedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WebhookCard({ webhook, onDelete }: { webhook: Webhook; onDelete: (w: Webhook) => void }) {
  const test = useTestWebhook();
  return (
    <Card p={0} data-testid="webhook">
      <Group justify="space-between" align="flex-start" p="md" gap="md">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm">
            <Text fw={600}>{webhook.name}</Text>
            <Badge variant="default" tt="none" fw={500}>
              {webhook.source === 'config' ? 'Defined in the config' : 'Added in the portal'}
            </Badge>
            {webhook.deliveries.failed > 0 && (
              <StateBadge tone="danger">{webhook.deliveries.failed} given up</StateBadge>
            )}
            {webhook.deliveries.pending > 0 && (
              <StateBadge tone="info">{webhook.deliveries.pending} waiting</StateBadge>
            )}
          </Group>
          <Code style={{ wordBreak: 'break-all' }}>{webhook.url}</Code>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              Topics:
            </Text>
            {webhook.topics.map((t) => (
              <Badge key={t} size="sm" variant="light" tt="none">
                {t}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconSend size={16} />}
            loading={test.isPending}
            onClick={() => test.mutate(webhook.id)}
          >
            Send test
          </Button>
          {webhook.source === 'portal' && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => onDelete(webhook)}
            >
              Delete
            </Button>
          )}
        </Group>
      </Group>
      {test.isError && (
        <Box px="md" pb="md">
          <ErrorState title="Could not send the test" error={test.error} />
        </Box>
      )}
      <Deliveries webhook={webhook} />
    </Card>
  );
}

/** Keepers' view of outgoing webhooks: what is defined, how deliveries went, add, test, delete. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      Add webhook
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Notification webhooks"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="Notices posted to chat rooms and other systems as signed, Slack-compatible JSON. A delivery that fails is retried with growing waits, then given up and listed here."
        actions={add}
      />
      {webhooks.isError ? (
        <ErrorState
          title="Could not load the webhooks"
          error={webhooks.error}
          onRetry={() => webhooks.refetch()}
        />
      ) : webhooks.isPending ? (
        <LoadingSkeleton variant="cards" rows={2} />
      ) : webhooks.data.items.length === 0 ? (
        <Card p={0}>
          <EmptyState icon={<IconWebhook size={28} />} title="No webhooks yet" action={add}>
            Add one to post notices to a team’s chat room: new requests, overdue escalations, catalog
            problems. Webhooks can also be defined as code in notifications.webhooks.endpoints of the server
            config.
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="md">
          {webhooks.data.items.map((w) => (
            <WebhookCard key={w.id} webhook={w} onDelete={setDeleting} />
          ))}
        </Stack>
      )}
      <AddWebhookDialog opened={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete webhook ${deleting?.name ?? ''}?`}
        confirmLabel="Delete webhook"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        Nothing more is posted to {deleting?.url}. Deliveries still waiting are dropped.
      </ConfirmDialog>
    </>
  );
}
