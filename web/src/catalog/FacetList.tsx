import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';

/** One value of a facet, as the panel shows it. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  icon?: React.ReactNode;
}

/** Props of {@link FacetList}. */
export interface FacetListProps {
  title: string;
  options: FacetOption[];
  /** The chosen value, if any. */
  selected: string | null;
  onSelect: (value: string | null) => void;
  /** How many to show before "Show all". */
  visible?: number;
}

function FacetRow({
  option,
  active,
  onClick,
}: {
  option: FacetOption;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={active}
      className="plinth-facet"
      data-active={active || undefined}
      px={8}
      py={5}
    >
      <Group gap={8} wrap="nowrap" justify="space-between">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <span className="plinth-facet-box" aria-hidden="true">
            {active && <IconCheck size={12} stroke={3} />}
          </span>
          {option.icon}
          <Text size="sm" truncate fw={active ? 600 : 400}>
            {option.label}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" ff="monospace" aria-label={`${option.count} entities`}>
          {option.count}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/**
 * One facet of the filter panel: its values with how many entities each would leave. The catalog
 * filters by one value per facet, so choosing another replaces it, and choosing it again clears it.
 */
export function FacetList({ title, options, selected, onSelect, visible = 6 }: FacetListProps) {
  const [expanded, setExpanded] = useState(false);
  const ordered = [...options].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  // The chosen value always shows, even when it lies beyond the first few.
  const shown = expanded ? ordered : ordered.filter((o, i) => i < visible || o.value === selected);
  const hidden = ordered.length - shown.length;
  return (
    <Stack
      gap={2}
      role="group"
      aria-label={`Filter by ${title.toLowerCase()}`}
      data-facet={title.toLowerCase()}
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={2} style={{ letterSpacing: 0.5 }}>
        {title}
      </Text>
      {shown.map((option) => (
        <FacetRow
          key={option.value}
          option={option}
          active={option.value === selected}
          onClick={() => onSelect(option.value === selected ? null : option.value)}
        />
      ))}
      {(hidden > 0 || expanded) && ordered.length > visible && (
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => setExpanded(!expanded)}
          w="fit-content"
          ml={4}
        >
          {expanded ? 'Show fewer' : `Show ${hidden} more`}
        </Button>
      )}
    </Stack>
  );
}
