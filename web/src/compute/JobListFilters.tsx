import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useExecutors } from '../api/job-queries.js';
import type { JobScope } from '../api/job-types.js';
import { SearchFilter } from '../components/SearchFilter.js';
import { jobStates, stateOrder } from './job-states.js';

/** The list filters as they sit in the Compute page URL. */
export interface JobListUrl {
  scope: JobScope;
  state?: string;
  executor?: string;
  label?: string;
}

/** Props of {@link JobListFilters}. */
export interface JobListFiltersProps {
  url: JobListUrl;
  canSeeAll: boolean;
  labelError?: string;
  onChange: (key: keyof JobListUrl, value: string | null) => void;
  onClear: () => void;
}

function ScopeControl({
  scope,
  canSeeAll,
  onChange,
}: {
  scope: JobScope;
  canSeeAll: boolean;
  onChange: (v: string) => void;
}) {
  const choices = [
    { value: 'mine', label: 'My jobs' },
    { value: 'team', label: 'My teams’ jobs' },
    ...(canSeeAll ? [{ value: 'all', label: 'All' }] : []),
  ];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="job-scope-label">
        Whose jobs
      </Text>
      <SegmentedControl
        aria-labelledby="job-scope-label"
        value={scope}
        onChange={onChange}
        data={choices}
        data-testid="job-scope"
      />
    </Stack>
  );
}

/** Whose jobs, and filters by state, executor and label; every choice lives in the URL. */
export function JobListFilters({ url, canSeeAll, labelError, onChange, onClear }: JobListFiltersProps) {
  const executors = useExecutors();
  const executorChoices = (executors.data?.items ?? []).map((e) => e.name);
  if (url.executor && !executorChoices.includes(url.executor)) executorChoices.push(url.executor);
  const filtered = Boolean(url.state || url.executor || url.label);
  return (
    <Group gap="md" align="flex-start" wrap="wrap">
      <ScopeControl
        scope={url.scope}
        canSeeAll={canSeeAll}
        onChange={(v) => onChange('scope', v === 'mine' ? null : v)}
      />
      <Select
        label="State"
        placeholder="Any state"
        data={stateOrder.map((s) => ({ value: s, label: jobStates[s].label }))}
        value={url.state ?? null}
        onChange={(v) => onChange('state', v)}
        clearable
        w={170}
      />
      <Select
        label="Executor"
        placeholder="Any executor"
        data={executorChoices}
        value={url.executor ?? null}
        onChange={(v) => onChange('executor', v)}
        clearable
        w={170}
      />
      <SearchFilter
        label="Label"
        placeholder="key=value"
        value={url.label ?? ''}
        onChange={(v) => onChange('label', v)}
        error={labelError}
        w={220}
      />
      {filtered && (
        <Button variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={onClear} mt={25}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
