import { Anchor, Box, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconHistory, IconTemplate } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { SearchFilter } from '../components/SearchFilter.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { TemplateCard } from './TemplateCard.js';
import { useTemplates } from './template-queries.js';

const filterKeys = ['q', 'type', 'tag'] as const;

function NoTemplates() {
  return (
    <EmptyState icon={<IconTemplate size={28} />} title="No templates yet">
      <Text size="sm" c="dimmed" maw={560}>
        Templates live in the <code>templates/</code> folder of the platform repo, one folder each with a{' '}
        <code>template.yaml</code> and a <code>skeleton/</code>. Once the Keepers add one, it shows up here
        within a sync. Ask them for one with “Request help”.
      </Text>
    </EmptyState>
  );
}

/** The template gallery: cards with what each template makes, filtered by type, tag and text. */
export function TemplatesPage() {
  const [filters, setFilter] = useUrlFilters(filterKeys);
  const list = useTemplates(filters);
  const facets = list.data?.facets;
  const [, setParams] = useSearchParams();
  const clear = () => setParams({}, { replace: true });
  return (
    <Box>
      <PageHeader
        title="Templates"
        description="Start a project or cloud resources with the organization’s best practices already in it: fill a form, preview every file, then create."
        actions={
          <Button component={Link} to={paths.tasks} variant="default" leftSection={<IconHistory size={16} />}>
            Task history
          </Button>
        }
      />
      <Group gap="md" align="flex-end" mb="lg" wrap="wrap">
        <SearchFilter
          label="Search"
          placeholder="Python, bucket, Slurm…"
          value={filters.q ?? ''}
          onChange={(v) => setFilter('q', v)}
        />
        {facets && facets.type.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} component="label" id="template-type-label">
              Type
            </Text>
            <SegmentedControl
              aria-labelledby="template-type-label"
              value={filters.type ?? ''}
              onChange={(v) => setFilter('type', v)}
              data={[
                { value: '', label: 'All' },
                ...facets.type.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` })),
              ]}
            />
          </Stack>
        )}
        {facets && facets.tag.length > 0 && (
          <Select
            label="Tag"
            placeholder="Any tag"
            w={200}
            clearable
            searchable
            value={filters.tag ?? null}
            onChange={(v) => setFilter('tag', v)}
            data={facets.tag.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
          />
        )}
      </Group>
      {list.isError ? (
        <ErrorState title="Could not load the templates" error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <LoadingSkeleton variant="cards" rows={4} />
      ) : list.data.items.length === 0 ? (
        filters.q || filters.type || filters.tag ? (
          <EmptyState
            icon={<IconFilterOff size={28} />}
            title="No template matches"
            action={
              <Button variant="default" onClick={clear}>
                Clear filters
              </Button>
            }
          >
            Try other words, or another type or tag.
          </EmptyState>
        ) : (
          <NoTemplates />
        )
      ) : (
        <>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3, xl: 4 }}
            spacing="lg"
            style={{ opacity: list.isPlaceholderData ? 0.65 : 1 }}
            data-testid="template-gallery"
          >
            {list.data.items.map((t) => (
              <TemplateCard key={t.ref} template={t} />
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="xl">
            Prefer a terminal? <code>plinth new &lt;template&gt;</code> asks the same questions.{' '}
            <Anchor component={Link} to={paths.tasks} size="sm">
              See what you created before
            </Anchor>
            .
          </Text>
        </>
      )}
    </Box>
  );
}
