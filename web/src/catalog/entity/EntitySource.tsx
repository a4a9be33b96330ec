import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconFileCode } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { EntityDetail } from '../../api/catalog-types.js';
import { useLocations } from '../../api/location-queries.js';
import { useIsKeeper } from '../../app/current-user.js';
import { locationHistoryHref } from '../../app/routes.js';
import { CopyButton } from '../../components/CopyButton.js';

/** The file an entity is written in, as the repository names it: the location's sub-folder, then the file. */
export function useSourcePath(source: EntityDetail['source']): string {
  const locations = useLocations();
  const location = locations.data?.items.find((l) => l.id === source.location.id);
  return [location?.path, source.file].filter(Boolean).join('/');
}

/** Where an entity is written: `file:line` (copyable), its location, and a link to view it in git. */
export function EntitySource({ source }: { source: EntityDetail['source'] }) {
  const isKeeper = useIsKeeper();
  const path = `${useSourcePath(source)}:${source.line}`;
  return (
    <Stack gap={2} data-testid="entity-source">
      <Group gap={4} wrap="nowrap">
        <IconFileCode size={16} stroke={1.7} aria-hidden="true" />
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {path}
        </Text>
        <CopyButton value={path} label="file and line" />
      </Group>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          in location{' '}
          {isKeeper ? (
            <Anchor component={Link} to={locationHistoryHref(source.location.name)} size="xs">
              {source.location.name}
            </Anchor>
          ) : (
            source.location.name
          )}
        </Text>
        {source.viewUrl && (
          <Anchor href={source.viewUrl} target="_blank" rel="noreferrer" size="xs">
            <Group gap={2} component="span">
              View in git <IconExternalLink size={12} />
            </Group>
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
