import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EditDeleteActions } from './EditDeleteActions';

function renderActions(ui: ReactElement) {
  return render(<MantineProvider>{ui}</MantineProvider>);
}

describe('EditDeleteActions', () => {
  it('names its buttons after the record, and edits it on a click', async () => {
    const onEdit = vi.fn();
    renderActions(<EditDeleteActions name="Platform" editVerb="Rename" onEdit={onEdit} onDelete={() => {}} />);
    const rename = screen.getByRole('button', { name: 'Rename Platform' });
    expect(rename).toHaveTextContent('Rename');
    expect(screen.getByRole('button', { name: 'Delete Platform' })).toHaveTextContent('Delete');

    await userEvent.click(rename);
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('says "Edit" unless told otherwise, and can show more than its name says', () => {
    renderActions(
      <>
        <EditDeleteActions name="crm" onEdit={() => {}} onDelete={() => {}} />
        <EditDeleteActions name="bug" editText="Rename or recolour" onEdit={() => {}} onDelete={() => {}} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Edit crm' })).toHaveTextContent(/^Edit$/);
    expect(screen.getByRole('button', { name: 'Edit bug' })).toHaveTextContent('Rename or recolour');
  });

  it('deletes only once the question is answered yes', async () => {
    const onDelete = vi.fn();
    renderActions(<EditDeleteActions name="crm" deleteQuestion="Delete crm and the rules that query it?" onEdit={() => {}} onDelete={onDelete} />);

    await userEvent.click(screen.getByRole('button', { name: 'Delete crm' }));
    expect(screen.getByRole('group', { name: 'Delete crm and the rules that query it?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Delete crm and the rules that query it?' })).not.toBeInTheDocument();
    expect(onDelete).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Delete crm' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('asks "Delete {name}?" by default', async () => {
    renderActions(<EditDeleteActions name="crm" onEdit={() => {}} onDelete={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete crm' }));
    expect(screen.getByRole('group', { name: 'Delete crm?' })).toBeInTheDocument();
  });

  it('places other actions between editing and deleting', () => {
    renderActions(
      <EditDeleteActions name="crm" onEdit={() => {}} onDelete={() => {}}>
        <button type="button">Test connection of crm</button>
      </EditDeleteActions>,
    );
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent)).toEqual([
      'Edit crm',
      'Test connection of crm',
      'Delete crm',
    ]);
  });
});
