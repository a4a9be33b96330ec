import { Alert, Code, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconHistory, IconX } from '@tabler/icons-react';
import type { CatalogRevision } from '../../api/catalog-types.js';
import { useRevisions } from '../../api/location-queries.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { StateBadge } from '../../components/StateBadge.js';
import { TimeText } from '../../components/TimeText.js';
import { authorName } from './LocationCells.js';
import { revisionSummary } from './sync-notice.js';

function RevertCommand({ sha }: { sha: string }) {
  const command = `git revert ${sha.slice(0, 12)}`;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        To undo:
      </Text>
      <Code fz="xs">{command}</Code>
      <CopyButton value={command} label="revert command" />
    </Group>
  );
}

function RevisionItem({ revision }: { revision: CatalogRevision }) {
  const failed = revision.outcome === 'failed';
  return (
    <Stack gap={4} data-testid="revision">
      <Group gap="xs">
        <StateBadge tone={failed ? 'danger' : 'ok'}>{failed ? 'Failed' : 'Applied'}</StateBadge>
        <TimeText value={revision.appliedAt} />
      </Group>
      {revision.sha && (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" ff="monospace" fw={600}>
            {revision.sha.slice(0, 7)}
          </Text>
          <CopyButton value={revision.sha} label="commit sha" />
          <Text size="sm" lineClamp={1} title={revision.message ?? undefined}>
            {revision.message}
          </Text>
        </Group>
      )}
      {revision.author && (
        <Text size="xs" c="dimmed" title={revision.author}>
          {authorName(revision.author)}
          {revision.committedAt && ' · committed '}
          {revision.committedAt && <TimeText value={revision.committedAt} />}
        </Text>
      )}
      {!failed && revision.sha && <RevertCommand sha={revision.sha} />}
      {failed ? (
        <Text size="sm" c="red">
          {revision.error ?? 'It could not be read.'} The previous revision stayed in use.
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {revisionSummary(revision)}
        </Text>
      )}
    </Stack>
  );
}

function RevisionList({ name }: { name: string }) {
  const revisions = useRevisions(name);
  if (revisions.isPending) return <LoadingSkeleton rows={6} />;
  if (revisions.isError) {
    return (
      <ErrorState
        title="Could not load the history"
        error={revisions.error}
        onRetry={() => revisions.refetch()}
      />
    );
  }
  if (revisions.data.items.length === 0) {
    return (
      <EmptyState size="sm" icon={<IconHistory size={22} />} title="No revisions yet">
        Each sync records one here: what it added, changed and removed, or why it failed.
      </EmptyState>
    );
  }
  return (
    // Every item is "active" so that each bullet takes its outcome's colour.
    <Timeline bulletSize={22} lineWidth={2} active={revisions.data.items.length}>
      {revisions.data.items.map((revision) => (
        <Timeline.Item
          key={revision.id}
          color={revision.outcome === 'failed' ? 'red' : 'teal'}
          bullet={revision.outcome === 'failed' ? <IconX size={12} /> : <IconCheck size={12} />}
        >
          <RevisionItem revision={revision} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** The history of one location, newest first, with how to roll back. */
export function RevisionDrawer({ name, onClose }: { name: string | null; onClose: () => void }) {
  return (
    <Drawer
      opened={name !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={650}>History of {name}</Text>}
    >
      <Stack gap="lg">
        <Alert variant="light" icon={<IconArrowBackUp size={18} />} title="Rolling back">
          <Text size="sm">
            The catalog always shows what the repository says. To undo a change, revert its commit in git with{' '}
            <Code>git revert &lt;sha&gt;</Code>, push, then press Sync now. Each applied commit below has the
            command ready to copy.
          </Text>
        </Alert>
        {name && <RevisionList name={name} />}
      </Stack>
    </Drawer>
  );
}
