import { ActionIcon, Anchor, Button, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconDots, IconHistory, IconRefresh, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Location } from '../../api/catalog-types.js';
import { useSyncLocation } from '../../api/location-queries.js';
import { problemsHref } from '../../app/routes.js';
import { CommitCell, SourceCell, SyncCell } from './LocationCells.js';
import { notifySyncError, notifySynced } from './sync-notice.js';

/** What a Keeper can do to one location from the list, besides syncing it. */
export type LocationAction = 'history' | 'delete';

function ProblemsCell({ location }: { location: Location }) {
  if (location.problemCount === 0) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          None
        </Text>
      </Group>
    );
  }
  return (
    <Anchor
      component={Link}
      to={problemsHref({ location: location.name })}
      size="sm"
      fw={600}
      c="red"
      style={{ whiteSpace: 'nowrap' }}
    >
      {location.problemCount} {location.problemCount === 1 ? 'problem' : 'problems'}
    </Anchor>
  );
}

function RowMenu({
  location,
  onAction,
}: {
  location: Location;
  onAction: (a: LocationAction, l: Location) => void;
}) {
  const fromConfig = location.origin === 'config';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${location.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => onAction('history', location)}>
          Revision history
        </Menu.Item>
        <Menu.Divider />
        {fromConfig ? (
          <Menu.Item leftSection={<IconTrash size={16} />} disabled>
            <Text size="sm">Remove location</Text>
            <Text size="xs" c="dimmed" maw={240}>
              Set in the server configuration: remove it there, then restart Plinth.
            </Text>
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconTrash size={16} />}
            color="red"
            onClick={() => onAction('delete', location)}
          >
            Remove location
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function LocationRow({
  location,
  onAction,
}: {
  location: Location;
  onAction: (a: LocationAction, l: Location) => void;
}) {
  // One mutation per row, so several locations can sync at once, each with its own spinner.
  const sync = useSyncLocation();
  const syncNow = () =>
    sync.mutate(location.name, {
      onSuccess: (outcome) => notifySynced(location.name, outcome),
      onError: (error) => notifySyncError(location.name, error),
    });
  const running = sync.isPending || location.lastSync.status === 'running';
  return (
    <Table.Tr data-location={location.name}>
      <Table.Td>
        <SourceCell location={location} />
      </Table.Td>
      <Table.Td>
        <CommitCell commit={location.commit} />
      </Table.Td>
      <Table.Td>
        <SyncCell sync={location.lastSync} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{location.entityCount}</Text>
      </Table.Td>
      <Table.Td>
        <ProblemsCell location={location} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label="Pull the latest commit and apply it now">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} />}
              loading={running}
              onClick={syncNow}
            >
              Sync now
            </Button>
          </Tooltip>
          <RowMenu location={location} onAction={onAction} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Props of {@link LocationTable}. */
export interface LocationTableProps {
  locations: Location[];
  onAction: (action: LocationAction, location: Location) => void;
}

/** The catalog locations: source, current commit, last sync, and what each brought in. */
export function LocationTable({ locations, onAction }: LocationTableProps) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table data-testid="location-table" verticalSpacing="md" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Location</Table.Th>
            <Table.Th w="22%">Current commit</Table.Th>
            <Table.Th w="14%">Last sync</Table.Th>
            <Table.Th w="8%">Entities</Table.Th>
            <Table.Th w="11%">Problems</Table.Th>
            <Table.Th w="17%" aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((location) => (
            <LocationRow key={location.id} location={location} onAction={onAction} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
