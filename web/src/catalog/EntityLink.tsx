import { Anchor, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useGroupTitles } from '../api/catalog-queries.js';
import { entityHref } from '../app/routes.js';
import { kindHasOwner, kindStyle } from './kinds.js';
import { parseRef } from './refs.js';

/** Props of {@link EntityLink}. */
export interface EntityLinkProps {
  entityRef: string;
  /** What to call it; the name from the ref otherwise. */
  title?: string | null;
  /** False for a reference to something that is not in the catalog: shown, but not a link. */
  exists?: boolean;
  withIcon?: boolean;
  size?: 'xs' | 'sm';
}

/** A link to an entity, with its kind icon; a dangling reference is shown as such. */
export function EntityLink({
  entityRef,
  title,
  exists = true,
  withIcon = true,
  size = 'sm',
}: EntityLinkProps) {
  const parts = parseRef(entityRef);
  const style = kindStyle(parts.kind);
  const Icon = style.icon;
  const label = title || parts.name;
  const icon = withIcon && (
    <Icon
      size={size === 'sm' ? 16 : 14}
      stroke={1.8}
      color={`var(--mantine-color-${style.color}-light-color)`}
    />
  );
  if (!exists) {
    return (
      <Tooltip label={`${entityRef} is referenced but not in the catalog`}>
        <Group gap={6} wrap="nowrap" component="span" data-missing="true">
          {icon}
          <Text size={size} c="dimmed" td="line-through" span>
            {label}
          </Text>
          <Text size="xs" c="dimmed" span>
            not in catalog
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Anchor component={Link} to={entityHref(entityRef)} size={size} title={entityRef}>
      <Group gap={6} wrap="nowrap" component="span">
        {icon}
        <span>{label}</span>
      </Group>
    </Anchor>
  );
}

/** The owner of an entity: its group's title (from the catalog) as a link to the group. */
export function OwnerLink({
  owner,
  kind,
  size = 'sm',
}: {
  owner: string | null;
  kind?: string;
  size?: 'xs' | 'sm';
}) {
  const titles = useGroupTitles();
  if (!owner) {
    // A missing owner matters for software and data; a team or a person simply has none.
    return (
      <Text size={size} c="dimmed" span>
        {kind && !kindHasOwner(kind) ? '—' : 'No owner'}
      </Text>
    );
  }
  // Groups are all known once the titles arrive, so an owner group missing from them is a dangling ref.
  const isGroup = parseRef(owner, 'group').kind === 'group';
  const exists = !(isGroup && titles.data && !titles.data.has(owner));
  return <EntityLink entityRef={owner} title={titles.data?.get(owner)} exists={exists} size={size} />;
}
