import { Button, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useFacets, useGroupTitles } from '../api/catalog-queries.js';
import type { EntityFilters, FacetName } from '../api/catalog-types.js';
import { ErrorState } from '../components/ErrorState.js';
import { FacetList } from './FacetList.js';
import { facetTitles, hasAnyFilter, optionsOf, selectedValue, shownFacets } from './facet-options.js';
import { shortOwner } from './refs.js';

/** Props of {@link FacetPanel}. */
export interface FacetPanelProps {
  filters: EntityFilters;
  onChange: (name: FacetName, value: string | null) => void;
  onClear: () => void;
}

/** The filter panel: each facet's values with counts; one choice per facet, all kept in the URL. */
export function FacetPanel({ filters, onChange, onClear }: FacetPanelProps) {
  const facets = useFacets(filters);
  const titles = useGroupTitles();
  const shown = shownFacets(facets.data, filters);
  return (
    <Card p="md" component="aside" aria-label="Filters" data-testid="facet-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          Filters
        </Title>
        {hasAnyFilter(filters) && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilterOff size={14} />}
            onClick={onClear}
          >
            Clear all
          </Button>
        )}
      </Group>
      {facets.isPending && (
        <Stack gap="xs" aria-busy="true" aria-label="Loading">
          {['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => (
            <Skeleton key={k} height={22} radius="sm" />
          ))}
        </Stack>
      )}
      {facets.isError && (
        <ErrorState
          title="Could not load the filters"
          error={facets.error}
          onRetry={() => facets.refetch()}
        />
      )}
      {facets.data && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing to filter yet.
        </Text>
      )}
      <Stack gap="md">
        {shown.map((name, i) => (
          <Fragment key={name}>
            {i > 0 && <Divider />}
            <FacetList
              title={facetTitles[name]}
              options={
                facets.data ? optionsOf(name, facets.data, titles.data, selectedValue(name, filters)) : []
              }
              selected={selectedValue(name, filters)}
              onSelect={(value) => onChange(name, value && name === 'owner' ? shortOwner(value) : value)}
              visible={name === 'kind' ? 10 : 6}
            />
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}
