import { Box, Button, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { NoRequestsMatch, NoRequestsYet } from './RequestsEmpty.js';
import { RequestTable } from './RequestTable.js';
import { useRequestOptions, useRequests } from './request-queries.js';
import { REQUEST_STATE_INFO, REQUEST_STATES } from './request-states.js';
import type { RequestFilters } from './request-types.js';

/** Props of {@link RequestList}. */
export interface RequestListProps {
  filters: RequestFilters;
  setParam: (key: 'state' | 'category' | 'overdue' | 'q', value: string | null) => void;
  clear: () => void;
}

function Filters({ filters, setParam }: Omit<RequestListProps, 'clear'>) {
  const options = useRequestOptions();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filters.q ?? '') !== q) setParam('q', q || null);
    }, 300);
    return () => clearTimeout(timer);
  }, [q, filters.q, setParam]);
  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <TextInput
        aria-label="Search requests"
        placeholder="Search titles, or #12"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={260}
      />
      <Select
        aria-label="State"
        placeholder="Any state"
        clearable
        data={[
          { value: 'open', label: 'Open (not closed)' },
          { value: 'closed', label: 'Closed' },
          ...REQUEST_STATES.map((s) => ({ value: s, label: REQUEST_STATE_INFO[s].label })),
        ]}
        value={filters.state ?? null}
        onChange={(v) => setParam('state', v)}
        w={210}
      />
      <Select
        aria-label="Category"
        placeholder="Any category"
        clearable
        data={(options.data?.categories ?? []).map((c) => ({ value: c.name, label: c.title }))}
        value={filters.category ?? null}
        onChange={(v) => setParam('category', v)}
        w={190}
      />
      <Switch
        label="Only overdue"
        checked={Boolean(filters.overdue)}
        onChange={(e) => setParam('overdue', e.currentTarget.checked ? 'true' : null)}
      />
    </Group>
  );
}

/** A filtered list of requests with "Load more", for one tab of the Requests page. */
export function RequestList({ filters, setParam, clear }: RequestListProps) {
  const requests = useRequests(filters);
  const filtered = Boolean(filters.state || filters.category || filters.overdue || filters.q);
  let body: React.ReactNode;
  if (requests.isPending) body = <LoadingSkeleton rows={5} />;
  else if (requests.isError) {
    body = (
      <ErrorState
        title="Could not load the requests"
        error={requests.error}
        onRetry={() => requests.refetch()}
      />
    );
  } else {
    const items = requests.data.pages.flatMap((page) => page.items);
    if (items.length === 0)
      body = filtered ? <NoRequestsMatch onClear={clear} /> : <NoRequestsYet scope={filters.scope} />;
    else {
      body = (
        <Box style={{ opacity: requests.isPlaceholderData ? 0.65 : 1 }}>
          <RequestTable requests={items} showRequester={filters.scope !== 'mine'} />
          <Group
            justify="center"
            p="md"
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            {requests.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => requests.fetchNextPage()}
                loading={requests.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {items.length === 1
                  ? 'That is the only request here.'
                  : `That is everything: ${items.length} requests.`}
              </Text>
            )}
          </Group>
        </Box>
      );
    }
  }
  return (
    <>
      <Filters filters={filters} setParam={setParam} />
      <Box p={requests.isPending || requests.isError ? 'md' : 0}>{body}</Box>
    </>
  );
}
