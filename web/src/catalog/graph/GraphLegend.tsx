import { Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { kindStyle } from '../kinds.js';

function Swatch({ color, dashed, root }: { color: string; dashed?: boolean; root?: boolean }) {
  const style = {
    '--node-color': `var(--mantine-color-${color}-filled)`,
    '--node-tint': `var(--mantine-color-${color}-light)`,
  } as CSSProperties;
  return (
    <span
      className="plinth-graph-swatch"
      style={style}
      data-missing={dashed || undefined}
      data-root={root || undefined}
      aria-hidden="true"
    />
  );
}

/** What the colours and lines of the graph mean; every node also says its kind in words. */
export function GraphLegend({ kinds }: { kinds: string[] }) {
  return (
    <Group gap="md" wrap="wrap" data-testid="graph-legend" aria-label="Legend">
      {kinds.map((kind) => {
        const style = kindStyle(kind);
        const Icon = style.icon;
        return (
          <Group key={kind} gap={6} wrap="nowrap">
            <Swatch color={style.color} />
            <Icon
              size={14}
              stroke={1.8}
              color={`var(--mantine-color-${style.color}-light-color)`}
              aria-hidden="true"
            />
            <Text size="xs">{style.label}</Text>
          </Group>
        );
      })}
      <Group gap={6} wrap="nowrap">
        <Swatch color="gray" root />
        <Text size="xs">This entity</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Swatch color="gray" dashed />
        <Text size="xs">Not in catalog (dashed)</Text>
      </Group>
    </Group>
  );
}
