import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EntitySummary } from '../api/catalog-types.js';
import { entityHref } from '../app/routes.js';
import { KindBadge, LifecycleBadge, TagList } from './EntityBadges.js';
import { OwnerLink } from './EntityLink.js';
import { kindHasOwner } from './kinds.js';

function EntityCard({ entity }: { entity: EntitySummary }) {
  return (
    <Card p="md" data-ref={entity.ref} data-testid="entity-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <KindBadge kind={entity.kind} />
          {entity.lifecycle && <LifecycleBadge lifecycle={entity.lifecycle} />}
        </Group>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={entityHref(entity.ref)} fw={650} lineClamp={2}>
            {entity.title ?? entity.name}
          </Anchor>
          {entity.title && entity.title !== entity.name && (
            <Text size="xs" c="dimmed" ff="monospace" truncate>
              {entity.name}
            </Text>
          )}
        </Stack>
        {/* The box grows to align the cards' feet; the clamp stays on the text, or the hidden lines would show. */}
        <Box style={{ flex: 1 }}>
          <Text size="sm" c="dimmed" lineClamp={3}>
            {entity.description ?? 'No description yet.'}
          </Text>
        </Box>
        {(entity.owner || kindHasOwner(entity.kind)) && <OwnerLink owner={entity.owner} size="xs" />}
        {entity.tags.length > 0 && <TagList tags={entity.tags} max={5} />}
      </Stack>
    </Card>
  );
}

/** The catalog as cards, to browse rather than scan. */
export function EntityCards({ entities }: { entities: EntitySummary[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="entity-cards">
      {entities.map((entity) => (
        <EntityCard key={entity.ref} entity={entity} />
      ))}
    </SimpleGrid>
  );
}
