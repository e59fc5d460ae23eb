import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface RecordTableProps {
  /** The table's accessible name. */
  label: string;
  /** The column headings, left to right. */
  columns: string[];
  /** Adds a last column, "Actions", for those who may change the records. */
  withActions: boolean;
  /** The width below which the table scrolls sideways; without it, it never does. */
  minWidth?: number;
  /** The rows. */
  children: ReactNode;
}

/** A striped table of a list page's records, under headings of its columns. */
export function RecordTable({ label, columns, withActions, minWidth, children }: RecordTableProps) {
  const table = (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
          {withActions && <Table.Th scope="col">Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth === undefined ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>;
}
