import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconFolder, IconGitBranch } from '@tabler/icons-react';
import type { Location } from '../../api/catalog-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { StateBadge } from '../../components/StateBadge.js';
import { TimeText } from '../../components/TimeText.js';

/** Where a location reads from: a git URL or a folder, its branch and sub-folder, and who added it. */
export function SourceCell({ location }: { location: Location }) {
  const Icon = location.reader === 'git' ? IconGitBranch : IconFolder;
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="wrap">
        <Text fw={650} size="sm">
          {location.name}
        </Text>
        <Tooltip
          label={
            location.origin === 'config'
              ? 'Set in the server configuration (plinth.yaml or PLINTH_PLATFORM_REPO)'
              : 'Added by a Keeper in Plinth'
          }
        >
          <Badge variant={location.origin === 'config' ? 'light' : 'default'} size="sm" tt="none" fw={600}>
            {location.origin === 'config' ? 'From config' : 'Added in Plinth'}
          </Badge>
        </Tooltip>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Icon
          size={14}
          stroke={1.8}
          aria-label={location.reader === 'git' ? 'Git repository' : 'Folder on the server'}
        />
        <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {location.target}
        </Text>
      </Group>
      {(location.branch || location.path) && (
        <Text size="xs" c="dimmed">
          {location.branch && (
            <>
              branch{' '}
              <Text span ff="monospace" size="xs">
                {location.branch}
              </Text>
            </>
          )}
          {location.branch && location.path && ' · '}
          {location.path && (
            <>
              folder{' '}
              <Text span ff="monospace" size="xs">
                {location.path}
              </Text>
            </>
          )}
        </Text>
      )}
    </Stack>
  );
}

/** "Kim Keeper <kim@example.org>" → "Kim Keeper": the address is in the tooltip. */
export function authorName(author: string | null): string {
  return author ? author.replace(/\s*<[^>]*>$/, '') : 'Unknown author';
}

/** The commit the catalog currently shows from this location. */
export function CommitCell({ commit }: { commit: Location['commit'] }) {
  if (!commit) {
    return (
      <Text size="sm" c="dimmed">
        No commits (a folder)
      </Text>
    );
  }
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={2} wrap="nowrap">
        <Text size="sm" ff="monospace" fw={600}>
          {commit.sha.slice(0, 7)}
        </Text>
        <CopyButton value={commit.sha} label="commit sha" />
      </Group>
      {commit.message && (
        <Text size="sm" lineClamp={1} title={commit.message}>
          {commit.message}
        </Text>
      )}
      <Text size="xs" c="dimmed" title={commit.author ?? undefined}>
        {authorName(commit.author)}
        {commit.at && ' · '}
        {commit.at && <TimeText value={commit.at} />}
      </Text>
    </Stack>
  );
}

const syncStates = {
  ok: { tone: 'ok', label: 'Synced' },
  failed: { tone: 'danger', label: 'Failed' },
  running: { tone: 'info', label: 'Syncing' },
  never: { tone: 'off', label: 'Never synced' },
} as const;

/** The last sync: its state in words, when, and the error when it failed. */
export function SyncCell({ sync }: { sync: Location['lastSync'] }) {
  const state = syncStates[sync.status];
  return (
    <Stack gap={4} style={{ minWidth: 0 }} align="flex-start">
      <StateBadge tone={state.tone}>{state.label}</StateBadge>
      {sync.at && <TimeText value={sync.at} />}
      {sync.error && (
        <Text size="xs" c="red" lineClamp={3} title={sync.error} data-testid="sync-error">
          {sync.error}
        </Text>
      )}
    </Stack>
  );
}
