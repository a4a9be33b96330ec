import { Button, Group, Select, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useFacets, useGroupTitles } from '../api/catalog-queries.js';
import type { EntityFilters, FacetName } from '../api/catalog-types.js';
import { facetTitles, hasAnyFilter, optionsOf, selectedValue, shownFacets } from './facet-options.js';
import { shortOwner } from './refs.js';

/** Props of {@link FacetSelects}. */
export interface FacetSelectsProps {
  filters: EntityFilters;
  onChange: (name: FacetName, value: string | null) => void;
  onClear: () => void;
}

/**
 * The facets as a row of select lists, each value with its count: the filter panel of narrower
 * screens, where a side panel would squeeze the table.
 */
export function FacetSelects({ filters, onChange, onClear }: FacetSelectsProps) {
  const facets = useFacets(filters);
  const titles = useGroupTitles();
  const names = shownFacets(facets.data, filters);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="facet-selects">
      {names.map((name) => {
        const options = facets.data
          ? optionsOf(name, facets.data, titles.data, selectedValue(name, filters))
          : [];
        const counts = new Map(options.map((o) => [o.value, o.count]));
        return (
          <Select
            key={name}
            label={facetTitles[name]}
            placeholder="Any"
            data={options
              .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
              .map((o) => ({ value: o.value, label: o.label }))}
            value={selectedValue(name, filters)}
            onChange={(value) => onChange(name, value && name === 'owner' ? shortOwner(value) : value)}
            renderOption={({ option }) => (
              <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
                <Text size="sm" truncate>
                  {option.label}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {counts.get(option.value)}
                </Text>
              </Group>
            )}
            clearable
            searchable={options.length > 8}
            nothingFoundMessage="No such value"
            comboboxProps={{ width: 260, position: 'bottom-start' }}
            w={name === 'owner' || name === 'tag' ? 170 : 140}
            data-facet={name}
          />
        );
      })}
      {hasAnyFilter(filters) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
          Clear all
        </Button>
      )}
    </Group>
  );
}
