import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Trial } from '../../api/sweep-types.js';
import { jobHref } from '../../app/routes.js';
import { SweepStateBadge } from './SweepStateBadge.js';
import { formatValue } from './sweep-states.js';

type SortKey = 'number' | 'value' | 'state' | 'duration' | `param:${string}`;

function durationOf(trial: Trial): number | null {
  if (!trial.endedAt) return null;
  return (Date.parse(trial.endedAt) - Date.parse(trial.createdAt)) / 1000;
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function sortValue(trial: Trial, key: SortKey): number | string {
  if (key === 'number') return trial.number;
  if (key === 'value') return trial.value ?? Number.POSITIVE_INFINITY;
  if (key === 'state') return trial.state;
  if (key === 'duration') return durationOf(trial) ?? Number.POSITIVE_INFINITY;
  const v = trial.params[key.slice(6)];
  return typeof v === 'number' ? v : String(v);
}

function Header({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === sortKey;
  const Icon = !active ? IconSelector : sort.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(sortKey)}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Icon size={14} aria-hidden="true" />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Every trial: parameters, state, objective, duration; sortable by any column; the best marked. */
export function TrialsTable({
  trials,
  best,
  metric,
}: {
  trials: Trial[];
  best: number | null;
  metric: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'number',
    descending: false,
  });
  const names = useMemo(() => [...new Set(trials.flatMap((t) => Object.keys(t.params)))], [trials]);
  const sorted = useMemo(() => {
    const list = [...trials];
    list.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
    return list;
  }, [trials, sort]);
  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="trials-table">
        <Table.Thead>
          <Table.Tr>
            <Header label="#" sortKey="number" sort={sort} onSort={onSort} />
            {names.map((name) => (
              <Header key={name} label={name} sortKey={`param:${name}`} sort={sort} onSort={onSort} />
            ))}
            <Header label="State" sortKey="state" sort={sort} onSort={onSort} />
            <Header label={metric} sortKey="value" sort={sort} onSort={onSort} />
            <Header label="Duration" sortKey="duration" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((trial) => (
            <Table.Tr
              key={trial.number}
              bg={trial.number === best ? 'var(--mantine-color-teal-light)' : undefined}
              data-best={trial.number === best || undefined}
            >
              <Table.Td>
                {trial.jobId ? (
                  <Anchor component={Link} to={jobHref(trial.jobId)} size="sm">
                    {trial.number}
                  </Anchor>
                ) : (
                  trial.number
                )}
                {trial.number === best && (
                  <Text span size="xs" c="teal" fw={700} ml={6}>
                    best
                  </Text>
                )}
              </Table.Td>
              {names.map((name) => {
                const value = trial.params[name];
                return (
                  <Table.Td key={name} ff="monospace" fz="sm">
                    {typeof value === 'number' ? formatValue(value) : String(value)}
                  </Table.Td>
                );
              })}
              <Table.Td>
                <SweepStateBadge state={trial.state} />
                {trial.error && (
                  <Text size="xs" c="red" mt={4}>
                    {trial.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {formatValue(trial.value)}
              </Table.Td>
              <Table.Td fz="sm">{formatSeconds(durationOf(trial))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
