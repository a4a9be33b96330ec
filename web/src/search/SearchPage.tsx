import { Anchor, Button, Card, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { FacetColumn } from './FacetColumn.js';
import { SearchHitBody } from './SearchHitRow.js';
import { useSearch } from './search-queries.js';
import type { SearchFacetName } from './search-types.js';
import './search.css';

const FACETS: SearchFacetName[] = ['type', 'kind', 'owner', 'tag'];
const PAGE = 20;

/** The full results of the one search, with counts to narrow them; everything lives in the URL. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [debounced] = useDebouncedValue(draft, 200);
  const [limit, setLimit] = useState(PAGE);
  const filters = Object.fromEntries(
    FACETS.map((f) => [f, params.get(f) ?? undefined]).filter(([, v]) => v),
  ) as Partial<Record<SearchFacetName, string>>;

  useEffect(() => setDraft(q), [q]);
  useEffect(() => {
    if (debounced.trim() === q.trim()) return;
    const next = new URLSearchParams(params);
    if (debounced.trim()) next.set('q', debounced.trim());
    else next.delete('q');
    setParams(next, { replace: true });
    setLimit(PAGE);
  }, [debounced, q, params, setParams]);

  // A complete word when the page is opened from a link; the last word is a prefix while typing here.
  const results = useSearch({ q: draft === q ? `${q} ` : draft, filters, facets: true, limit });
  const setFilter = (facet: SearchFacetName, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(facet, value);
    else next.delete(facet);
    setParams(next);
    setLimit(PAGE);
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={q ? `Search: ${q}` : 'Search'}
        description="One search over the catalog, the docs, the guides and the best practices."
      />
      <TextInput
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        placeholder="What are you looking for?"
        aria-label="Search terms"
        leftSection={<IconSearch size={16} />}
        size="md"
        mb="lg"
        maw={720}
        autoFocus={!q}
        data-testid="search-page-input"
      />
      {!q.trim() && !draft.trim() ? (
        <Card>
          <EmptyState icon={<IconSearch size={28} />} title="Search everything at once">
            Type a library, a dataset, a team, or a question such as “slurm array” or “dvc remote”. Titles
            that match exactly come first; a misspelt word still finds what you meant. Press / anywhere to
            search.
          </EmptyState>
        </Card>
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 3 }}>
            {results.data?.facets && (
              <FacetColumn facets={results.data.facets} selected={filters} onSelect={setFilter} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            {results.isPending && <LoadingSkeleton rows={6} />}
            {results.isError && (
              <ErrorState title="Search failed" error={results.error} onRetry={() => results.refetch()} />
            )}
            {results.data && (
              <Stack gap="sm" data-testid="search-results">
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {results.data.approximate
                      ? `More than ${(results.data.total ?? 0).toLocaleString()} results; the best first`
                      : results.data.total === 1
                        ? '1 result'
                        : `${results.data.total ?? 0} results`}
                    {results.data.corrected ? ' for words close to what you typed' : ''}
                  </Text>
                  {filtered && (
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconFilterOff size={14} />}
                      onClick={() => setParams(new URLSearchParams({ q }))}
                    >
                      Clear filters
                    </Button>
                  )}
                </Group>
                {results.data.items.length === 0 && (
                  <Card>
                    <EmptyState
                      icon={<IconSearchOff size={28} />}
                      title={`Nothing found for “${q || draft}”`}
                    >
                      Try fewer words or another spelling{filtered ? ', or clear the filters' : ''}. Browse
                      the{' '}
                      <Anchor component={Link} to={paths.catalog}>
                        catalog
                      </Anchor>{' '}
                      or the{' '}
                      <Anchor component={Link} to={paths.docs}>
                        docs
                      </Anchor>
                      , or ask with Request help.
                    </EmptyState>
                  </Card>
                )}
                {results.data.items.map((hit) => (
                  <Anchor key={hit.id} component={Link} to={hit.url} underline="never" c="inherit">
                    <Card p="md" className="search-result">
                      <SearchHitBody hit={hit} />
                    </Card>
                  </Anchor>
                ))}
                {results.data.nextCursor && limit < 100 && (
                  <Group justify="center">
                    <Button
                      variant="default"
                      onClick={() => setLimit((n) => Math.min(100, n + PAGE))}
                      loading={results.isFetching}
                    >
                      Show more results
                    </Button>
                  </Group>
                )}
              </Stack>
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
