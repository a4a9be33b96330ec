import { Box, Button, Card, Flex, Stack } from '@mantine/core';
import { IconGitBranch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ENTITY_PAGE_SIZE, useEntities } from '../api/catalog-queries.js';
import { useIsKeeper } from '../app/current-user.js';
import { paths } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { CatalogIsEmpty, NothingMatches } from './CatalogEmpty.js';
import { CatalogPager } from './CatalogPager.js';
import { CatalogToolbar } from './CatalogToolbar.js';
import { EntityCards } from './EntityCards.js';
import { EntityTable } from './EntityTable.js';
import { FacetPanel } from './FacetPanel.js';
import { FacetSelects } from './FacetSelects.js';
import { useCatalogUrl } from './use-catalog-url.js';

function CatalogResults({ catalog }: { catalog: ReturnType<typeof useCatalogUrl> }) {
  const { filters, sort, cursor, view, page } = catalog;
  const entities = useEntities(filters, sort, cursor);
  if (entities.isPending) {
    return (
      <Card p="md">
        <LoadingSkeleton variant={view === 'cards' ? 'cards' : 'table'} rows={view === 'cards' ? 4 : 8} />
      </Card>
    );
  }
  if (entities.isError) {
    return (
      <ErrorState
        title="Could not load the catalog"
        error={entities.error}
        onRetry={() => entities.refetch()}
      />
    );
  }
  const { items, total, nextCursor } = entities.data;
  const filtered = Object.keys(filters).length > 0;
  if (items.length === 0) {
    return (
      <Card>
        {filtered || page > 1 ? <NothingMatches onClear={catalog.clearFilters} /> : <CatalogIsEmpty />}
      </Card>
    );
  }
  const pager = (
    <CatalogPager
      page={page}
      pageSize={ENTITY_PAGE_SIZE}
      shown={items.length}
      total={total}
      hasNext={Boolean(nextCursor)}
      onNext={() => nextCursor && catalog.goNext(nextCursor)}
      onPrevious={catalog.goPrevious}
      busy={entities.isPlaceholderData}
    />
  );
  if (view === 'cards') {
    return (
      <Stack gap="md" style={{ opacity: entities.isPlaceholderData ? 0.65 : 1 }}>
        <EntityCards entities={items} />
        <Card p={0}>{pager}</Card>
      </Stack>
    );
  }
  return (
    <Card p={0} style={{ opacity: entities.isPlaceholderData ? 0.65 : 1 }}>
      <EntityTable entities={items} />
      <Box style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>{pager}</Box>
    </Card>
  );
}

/** The catalog: every tool, data set, service and team, filterable, searchable and shareable by link. */
export function CatalogPage() {
  const catalog = useCatalogUrl();
  const isKeeper = useIsKeeper();
  return (
    <>
      <PageHeader
        title="Catalog"
        description="The tools, data sets, services, APIs and teams of the organization, and who owns each. Everything here is read from YAML files in git."
        actions={
          isKeeper && (
            <Button
              component={Link}
              to={paths.locations}
              variant="default"
              leftSection={<IconGitBranch size={16} />}
            >
              Catalog locations
            </Button>
          )
        }
      />
      <Flex gap="lg" align="flex-start">
        {/* A side panel from wide screens up; below that the same facets sit above the table as selects. */}
        <Box w={240} style={{ flex: 'none' }} visibleFrom="xl">
          <FacetPanel filters={catalog.filters} onChange={catalog.setFilter} onClear={catalog.clearFilters} />
        </Box>
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          <Card p="md">
            <CatalogToolbar
              q={catalog.filters.q ?? ''}
              sort={catalog.sort}
              view={catalog.view}
              onSearch={(q) => catalog.setFilter('q', q)}
              onSort={(sort) => catalog.update({ sort: sort === 'name' ? null : sort })}
              onView={(view) => catalog.update({ view: view === 'table' ? null : view }, { keepPage: true })}
            />
            <Box hiddenFrom="xl" mt="md">
              <FacetSelects
                filters={catalog.filters}
                onChange={catalog.setFilter}
                onClear={catalog.clearFilters}
              />
            </Box>
          </Card>
          <CatalogResults catalog={catalog} />
        </Stack>
      </Flex>
    </>
  );
}
