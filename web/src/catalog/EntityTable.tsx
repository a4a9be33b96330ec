import { Anchor, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import type { EntitySummary } from '../api/catalog-types.js';
import { entityHref } from '../app/routes.js';
import { KindBadge, LifecycleBadge, TagList } from './EntityBadges.js';
import { OwnerLink } from './EntityLink.js';
import { kindStyle } from './kinds.js';

/** An entity's icon, title and name (when the title differs), and the start of its description. */
export function EntityNameCell({ entity }: { entity: EntitySummary }) {
  const style = kindStyle(entity.kind);
  const Icon = style.icon;
  const title = entity.title ?? entity.name;
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color={style.color} size={24} radius="sm" aria-hidden="true" mt={1}>
        <Icon size={15} stroke={1.8} />
      </ThemeIcon>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={entityHref(entity.ref)} fw={600} size="sm" data-testid="entity-link">
          {title}
        </Anchor>
        {title !== entity.name && (
          <Text size="xs" c="dimmed" ff="monospace" truncate>
            {entity.name}
          </Text>
        )}
        {entity.description && (
          <Text size="xs" c="dimmed" lineClamp={2} title={entity.description}>
            {entity.description}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

function EntityRow({ entity }: { entity: EntitySummary }) {
  return (
    <Table.Tr data-ref={entity.ref}>
      <Table.Td>
        <EntityNameCell entity={entity} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <KindBadge kind={entity.kind} />
          {entity.type && (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {entity.type}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <OwnerLink owner={entity.owner} kind={entity.kind} />
      </Table.Td>
      <Table.Td>
        <LifecycleBadge lifecycle={entity.lifecycle} />
      </Table.Td>
      <Table.Td>
        <TagList tags={entity.tags} max={2} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The catalog as a table: what it is, its kind and type, who owns it, its lifecycle and tags.
 * Kind and type share a column so the table fits beside the filters on a laptop.
 */
export function EntityTable({ entities }: { entities: EntitySummary[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        highlightOnHover
        data-testid="entity-table"
        verticalSpacing="sm"
        horizontalSpacing="sm"
        layout="fixed"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={140}>Kind, type</Table.Th>
            <Table.Th w={150}>Owner</Table.Th>
            <Table.Th w={140}>Lifecycle</Table.Th>
            <Table.Th w={190}>Tags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entities.map((entity) => (
            <EntityRow key={entity.ref} entity={entity} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
