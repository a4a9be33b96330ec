import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTeams } from '../api/team-queries.js';
import type { UserFilters as Filters } from '../api/user-queries.js';
import { SearchFilter } from '../components/SearchFilter.js';

/** Props of {@link UserFilters}. */
export interface UserFiltersProps {
  filters: Filters;
  onChange: (key: keyof Filters, value: string) => void;
}

/** Search, role and team filters of the users list; their values live in the URL. */
export function UserFilters({ filters, onChange }: UserFiltersProps) {
  const teams = useTeams();
  const teamChoices = (teams.data?.items ?? []).map((t) => ({ value: t.name, label: t.title }));
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <SearchFilter
        label="Search"
        placeholder="Name, username or email"
        value={filters.q ?? ''}
        onChange={(v) => onChange('q', v)}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="role-filter-label">
          Role
        </Text>
        <SegmentedControl
          aria-labelledby="role-filter-label"
          value={filters.role ?? 'all'}
          onChange={(v) => onChange('role', v === 'all' ? '' : v)}
          data={[
            { value: 'all', label: 'Everyone' },
            { value: 'keeper', label: 'Keepers' },
            { value: 'member', label: 'Members' },
          ]}
        />
      </Stack>
      <Select
        label="Team"
        placeholder="Any team"
        data={teamChoices}
        value={filters.team ?? null}
        onChange={(v) => onChange('team', v ?? '')}
        clearable
        searchable
        w={220}
      />
    </Group>
  );
}
