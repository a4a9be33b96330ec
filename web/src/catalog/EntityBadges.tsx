import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { catalogHref } from '../app/routes.js';
import { StateBadge, type StateTone } from '../components/StateBadge.js';
import { kindStyle } from './kinds.js';

/** A kind as a coloured badge with its icon and name. */
export function KindBadge({ kind, size = 'sm' }: { kind: string; size?: 'xs' | 'sm' | 'md' }) {
  const style = kindStyle(kind);
  const Icon = style.icon;
  return (
    <Tooltip label={style.hint}>
      <Badge
        variant="light"
        color={style.color}
        size={size}
        tt="none"
        fw={600}
        leftSection={<Icon size={size === 'md' ? 14 : 12} stroke={2} />}
        style={{ flexShrink: 0 }}
        data-kind={kind}
      >
        {style.label}
      </Badge>
    </Tooltip>
  );
}

const lifecycles: Record<string, { tone: StateTone; label: string; hint: string }> = {
  production: { tone: 'ok', label: 'Production', hint: 'In use and supported by its owner' },
  experimental: {
    tone: 'info',
    label: 'Experimental',
    hint: 'Early work: it may change or go away; ask the owner before relying on it',
  },
  deprecated: {
    tone: 'warn',
    label: 'Deprecated',
    hint: 'Being retired: do not start anything new with it',
  },
};

/** A lifecycle in words, with what it means on hover. */
export function LifecycleBadge({ lifecycle }: { lifecycle: string | null }) {
  if (!lifecycle) {
    return (
      <Text size="sm" c="dimmed" span>
        —
      </Text>
    );
  }
  const known = lifecycles[lifecycle];
  return (
    <Tooltip label={known?.hint ?? `Lifecycle “${lifecycle}”, as its owner wrote it`}>
      <span style={{ flexShrink: 0 }}>
        <StateBadge tone={known?.tone ?? 'off'}>{known?.label ?? lifecycle}</StateBadge>
      </span>
    </Tooltip>
  );
}

/** Props of {@link TagList}. */
export interface TagListProps {
  tags: string[];
  /** Show at most this many; the rest are counted. */
  max?: number;
  /** Tags link to the catalog filtered by them. */
  linked?: boolean;
}

/** Tags as small badges, each a link to everything else with that tag. */
export function TagList({ tags, max = 4, linked = true }: TagListProps) {
  if (tags.length === 0) {
    return (
      <Text size="sm" c="dimmed" span>
        —
      </Text>
    );
  }
  const shown = tags.slice(0, max);
  const rest = tags.slice(max);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((tag) =>
        linked ? (
          <Badge
            key={tag}
            component={Link}
            to={catalogHref({ tag })}
            variant="default"
            size="sm"
            tt="none"
            fw={500}
            className="plinth-tag"
          >
            {tag}
          </Badge>
        ) : (
          <Badge key={tag} variant="default" size="sm" tt="none" fw={500}>
            {tag}
          </Badge>
        ),
      )}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')}>
          <Text size="xs" c="dimmed" span>
            +{rest.length}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}
