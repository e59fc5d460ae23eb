import { MantineProvider, Table } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecordTable } from './RecordTable';

function TagsTable({ withActions }: { withActions: boolean }) {
  return (
    <MantineProvider>
      <RecordTable label="Tags" columns={['Tag', 'Colour']} withActions={withActions}>
        <Table.Tr>
          <Table.Th scope="row">bug</Table.Th>
          <Table.Td>#c92a2a</Table.Td>
          {withActions && <Table.Td>Delete</Table.Td>}
        </Table.Tr>
      </RecordTable>
    </MantineProvider>
  );
}

function headings() {
  return within(screen.getByRole('table', { name: 'Tags' }))
    .getAllByRole('columnheader')
    .map((heading) => heading.textContent);
}

describe('RecordTable', () => {
  it('is named, with a heading a column and its rows under them', () => {
    render(<TagsTable withActions={false} />);
    expect(headings()).toEqual(['Tag', 'Colour']);
    const table = screen.getByRole('table', { name: 'Tags' });
    expect(within(table).getByRole('rowheader', { name: 'bug' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '#c92a2a' })).toBeInTheDocument();
  });

  it('adds an Actions column last for those who may change the records', () => {
    render(<TagsTable withActions />);
    expect(headings()).toEqual(['Tag', 'Colour', 'Actions']);
  });
});
