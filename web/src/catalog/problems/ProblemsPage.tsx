import { Box, Button, Card, Group, Pill, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFilterOff } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { ProblemFilters } from '../../api/catalog-types.js';
import { useLocations, useProblems } from '../../api/location-queries.js';
import { paths } from '../../app/routes.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { DocsProblemsSection } from '../../docs/DocsProblemsSection.js';
import { ProblemGroups } from './ProblemGroups.js';

const filterKeys = ['location', 'severity', 'owner'] as const;

function Filters({
  filters,
  onChange,
}: {
  filters: ProblemFilters;
  onChange: (key: keyof ProblemFilters, value: string | null) => void;
}) {
  const locations = useLocations();
  return (
    <Group gap="md" align="flex-end" p="md">
      <Select
        label="Location"
        placeholder="Every location"
        data={(locations.data?.items ?? []).map((l) => ({ value: l.name, label: l.name }))}
        value={filters.location ?? null}
        onChange={(v) => onChange('location', v)}
        clearable
        w={240}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="severity-filter-label">
          Severity
        </Text>
        <SegmentedControl
          aria-labelledby="severity-filter-label"
          value={filters.severity ?? 'all'}
          onChange={(v) => onChange('severity', v === 'all' ? null : v)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'error', label: 'Errors' },
            { value: 'warning', label: 'Warnings' },
          ]}
        />
      </Stack>
      {filters.owner && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Owner
          </Text>
          <Pill
            size="lg"
            withRemoveButton
            onRemove={() => onChange('owner', null)}
            removeButtonProps={{ 'aria-label': 'Clear the owner filter' }}
          >
            {filters.owner}
          </Pill>
        </Stack>
      )}
    </Group>
  );
}

function ProblemList({ filters, onClear }: { filters: ProblemFilters; onClear: () => void }) {
  const problems = useProblems(filters);
  if (problems.isPending) return <LoadingSkeleton rows={6} />;
  if (problems.isError) {
    return (
      <ErrorState
        title="Could not load the problems"
        error={problems.error}
        onRetry={() => problems.refetch()}
      />
    );
  }
  const items = problems.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    const filtered = Boolean(filters.location || filters.severity || filters.owner);
    return (
      <Card>
        <EmptyState
          icon={<IconCircleCheck size={28} />}
          title={
            filtered
              ? 'No problems match these filters'
              : 'No problems: every entity in every location is valid'
          }
          action={
            filtered && (
              <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
                Clear filters
              </Button>
            )
          }
        >
          {filtered
            ? 'Other locations or severities may still have some.'
            : 'Each sync checks every file. Mistakes show up here at their file and line, with a link to fix them in git.'}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Stack gap="md">
      <ProblemGroups problems={items} />
      {problems.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => problems.fetchNextPage()}
            loading={problems.isFetchingNextPage}
          >
            Load more problems
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Keepers' list of every problem in the catalog, by location and file, with links to fix each in git. */
export function ProblemsPage() {
  const [url, setFilter] = useUrlFilters(filterKeys);
  const filters: ProblemFilters = { ...url, severity: url.severity as ProblemFilters['severity'] };
  const [, setParams] = useSearchParams();
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return (
    <>
      <PageHeader
        title="Catalog problems"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="What is wrong in the catalog's files, at file, line and column. Errors keep an entity out of the catalog; warnings are worth fixing."
      />
      <Card p={0} mb="lg">
        <Filters filters={filters} onChange={setFilter} />
      </Card>
      <Box>
        <ProblemList filters={filters} onClear={clear} />
      </Box>
      <DocsProblemsSection severity={filters.severity} owner={filters.owner} />
    </>
  );
}
