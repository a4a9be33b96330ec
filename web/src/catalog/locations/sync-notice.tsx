import { Code, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { ApiError, describeError } from '../../api/api-error.js';
import type { CatalogRevision, SyncOutcome } from '../../api/catalog-types.js';

/** "2 added, 1 changed, 0 removed · 3 problems": what a revision did, in words. */
export function revisionSummary(revision: CatalogRevision): string {
  const counts = `${revision.added} added, ${revision.changed} changed, ${revision.removed} removed`;
  const problems = revision.problems === 1 ? '1 problem' : `${revision.problems} problems`;
  return `${counts} · ${problems}`;
}

/** Tells how a sync went, in a toast that stays long enough to read (failures stay until closed). */
export function notifySynced(name: string, { revision }: SyncOutcome): void {
  const failed = revision.outcome === 'failed';
  notifications.show({
    color: failed ? 'red' : revision.problems > 0 ? 'yellow' : 'teal',
    icon: failed ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />,
    title: failed ? `Could not sync ${name}` : `Synced ${name}`,
    message: (
      <Text size="sm" data-testid="sync-result">
        {failed
          ? `${revision.error ?? 'The location could not be read.'} The last good revision stays in use.`
          : revisionSummary(revision)}
      </Text>
    ),
    autoClose: failed ? false : 8000,
  });
}

/** Tells that the sync request itself failed (no permission, server down…). */
export function notifySyncError(name: string, error: unknown): void {
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} />,
    title: `Could not sync ${name}`,
    message: (
      <Text size="sm" data-testid="sync-result">
        {describeError(error)} <Code fz="xs">{error instanceof ApiError ? error.code : 'CLIENT_ERROR'}</Code>
      </Text>
    ),
    autoClose: false,
  });
}
