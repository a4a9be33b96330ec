import { Box, Button, Card, Divider, Group, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { type AuditFilters, useAudit } from '../api/audit-queries.js';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { SearchFilter } from '../components/SearchFilter.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { AuditTable } from './AuditTable.js';

const filterKeys = ['actor', 'action'] as const;

function AuditList({ filters }: { filters: AuditFilters }) {
  const audit = useAudit(filters);
  if (audit.isPending || audit.isError) {
    return (
      <Box p="md">
        {audit.isError ? (
          <ErrorState
            title="Could not load the audit log"
            error={audit.error}
            onRetry={() => audit.refetch()}
          />
        ) : (
          <LoadingSkeleton rows={8} />
        )}
      </Box>
    );
  }
  const entries = audit.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    const filtered = Boolean(filters.actor || filters.action);
    return (
      <EmptyState
        icon={<IconListDetails size={28} />}
        title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
      >
        {filtered
          ? 'Clear a filter, or check the spelling: actors are usernames, actions look like user.create.'
          : 'Every change made through Plinth — users, teams, tokens — is recorded here with who made it and when.'}
      </EmptyState>
    );
  }
  return (
    <>
      <AuditTable entries={entries} />
      <Group justify="center" p="md">
        {audit.hasNextPage ? (
          <Button variant="default" onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            Load older entries
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            That is everything: {entries.length} {entries.length === 1 ? 'entry' : 'entries'}.
          </Text>
        )}
      </Group>
    </>
  );
}

/** Keepers' audit log: every change, who made it, when and from where. */
export function AuditPage() {
  const [filters, setFilter] = useUrlFilters(filterKeys);
  return (
    <>
      <PageHeader
        title="Audit log"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="Every change made through Plinth, newest first. Expand an entry to see exactly what changed."
      />
      <Card p={0}>
        <Group p="md" gap="md" align="flex-end">
          <SearchFilter
            label="Who"
            placeholder="Username"
            value={filters.actor ?? ''}
            onChange={(v) => setFilter('actor', v)}
            w={220}
          />
          <SearchFilter
            label="Action"
            placeholder="e.g. user.create"
            value={filters.action ?? ''}
            onChange={(v) => setFilter('action', v)}
            w={240}
          />
        </Group>
        <Divider />
        <AuditList filters={filters} />
      </Card>
    </>
  );
}
