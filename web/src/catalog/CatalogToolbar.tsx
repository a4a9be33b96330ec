import { Box, Group, SegmentedControl, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconLayoutGrid, IconTable } from '@tabler/icons-react';
import type { EntitySort } from '../api/catalog-types.js';
import { SearchFilter } from '../components/SearchFilter.js';
import type { CatalogView } from './use-catalog-url.js';

const sortChoices: { value: EntitySort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'kind', label: 'Kind' },
  { value: 'owner', label: 'Owner' },
  { value: 'updated', label: 'Recently updated' },
];

/** Props of {@link CatalogToolbar}. */
export interface CatalogToolbarProps {
  q: string;
  sort: EntitySort;
  view: CatalogView;
  onSearch: (q: string) => void;
  onSort: (sort: EntitySort) => void;
  onView: (view: CatalogView) => void;
}

function ViewToggle({ view, onView }: Pick<CatalogToolbarProps, 'view' | 'onView'>) {
  const option = (value: CatalogView, label: string, Icon: typeof IconTable) => ({
    value,
    label: (
      <Group gap={6} wrap="nowrap" justify="center">
        <Icon size={16} aria-hidden="true" />
        <span>{label}</span>
      </Group>
    ),
  });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="catalog-view-label">
        View
      </Text>
      <SegmentedControl
        aria-labelledby="catalog-view-label"
        value={view}
        onChange={(v) => onView(v as CatalogView)}
        data={[option('table', 'Table', IconTable), option('cards', 'Cards', IconLayoutGrid)]}
        data-testid="view-toggle"
      />
    </Stack>
  );
}

/** Search, sort and table-or-cards above the catalog list. */
export function CatalogToolbar({ q, sort, view, onSearch, onSort, onView }: CatalogToolbarProps) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Box style={{ flex: '1 1 240px' }}>
        <SearchFilter
          label="Search the catalog"
          placeholder="Name, title, description or tag"
          value={q}
          onChange={onSearch}
          w="100%"
        />
      </Box>
      <Select
        label="Sort by"
        data={sortChoices}
        value={sort}
        onChange={(v) => onSort((v as EntitySort | null) ?? 'name')}
        allowDeselect={false}
        w={180}
      />
      <ViewToggle view={view} onView={onView} />
      <VisuallyHidden>
        Filters, search, sort and view are kept in the address, so the page can be shared.
      </VisuallyHidden>
    </Group>
  );
}
