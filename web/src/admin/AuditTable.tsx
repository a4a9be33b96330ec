import { ActionIcon, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEntry } from '../api/types.js';
import { TimeText } from '../components/TimeText.js';

function hasDetails(entry: AuditEntry): boolean {
  const { details } = entry;
  if (details === null || details === undefined) return false;
  return typeof details !== 'object' || Object.keys(details as object).length > 0;
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const expandable = hasDetails(entry);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td w={44}>
          {expandable && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-label={open ? 'Hide details' : 'Show details'}
            >
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          )}
        </Table.Td>
        <Table.Td>
          <TimeText value={entry.at} mode="absolute" />
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace" c={entry.actor ? undefined : 'dimmed'}>
            {entry.actor ?? 'system'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {entry.target ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c="dimmed" ff="monospace">
            {entry.ip ?? '—'}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={5}>
            <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** The audit entries, newest first, each with its details behind a toggle. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th aria-label="Details" />
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
