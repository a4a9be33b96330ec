import { Table } from '@mantine/core';

/**
 * The header row of a table. One empty name makes the unlabelled column for row actions.
 * @example <TableHead columns={['Name', 'State', '']} />
 */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((name) =>
          name ? <Table.Th key={name}>{name}</Table.Th> : <Table.Th key="actions" aria-label="Actions" />,
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
