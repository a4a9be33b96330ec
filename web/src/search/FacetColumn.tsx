import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SearchFacetName, SearchResults } from './search-types.js';
import { typeLabel } from './search-types.js';

const TITLES: Record<SearchFacetName, string> = { type: 'Type', kind: 'Kind', owner: 'Owner', tag: 'Tag' };

const labelOf = (facet: SearchFacetName, value: string) =>
  facet === 'type' ? typeLabel(value) : facet === 'owner' ? value.replace(/^group:default\//, '') : value;

/** Counts of the matches by type, kind, owner and tag; choosing one narrows the results, choosing it again widens them. */
export function FacetColumn({
  facets,
  selected,
  onSelect,
}: {
  facets: NonNullable<SearchResults['facets']>;
  selected: Partial<Record<SearchFacetName, string>>;
  onSelect: (facet: SearchFacetName, value: string | null) => void;
}) {
  return (
    <Stack gap="lg" component="nav" aria-label="Narrow the results">
      {(['type', 'kind', 'owner', 'tag'] as const)
        .filter((facet) => facets[facet].length > 0)
        .map((facet) => (
          <Stack gap={2} key={facet}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="xs">
              {TITLES[facet]}
            </Text>
            {facets[facet].slice(0, 10).map(({ value, count }) => {
              const isSelected = selected[facet] === value;
              return (
                <UnstyledButton
                  key={value}
                  className="search-option search-facet"
                  data-selected={isSelected || undefined}
                  aria-pressed={isSelected}
                  onClick={() => onSelect(facet, isSelected ? null : value)}
                  px="xs"
                  py={4}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" truncate>
                      {labelOf(facet, value)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {count}
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        ))}
    </Stack>
  );
}
