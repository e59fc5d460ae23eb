import { MantineProvider, TextInput } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useRecordForm } from '../hooks/useRecordForm';
import { RecordFormPanel } from './RecordFormPanel';
import { SubmitCancelButtons } from './SubmitCancelButtons';

interface Team {
  id: string;
  name: string;
}

const TEAMS: Team[] = [
  { id: 'team-platform', name: 'Platform' },
  { id: 'team-billing', name: 'Billing' },
];

function TeamForm({ existing, onDone }: { existing: Team | null; onDone: () => void }) {
  const [name, setName] = useState(existing?.name ?? '');
  return (
    <form
      aria-label={existing ? `Rename ${existing.name}` : 'New team'}
      onSubmit={(event) => {
        event.preventDefault();
        onDone();
      }}
    >
      <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} />
      <SubmitCancelButtons submitLabel={existing ? 'Save team' : 'Create team'} saving={false} onCancel={onDone} />
    </form>
  );
}

/** A page as the list pages build one: a New button, a Rename button a
 * record, and the form in its panel. */
function TeamsPage({ onClose }: { onClose: () => void }) {
  const form = useRecordForm<Team>(onClose);
  return (
    <MantineProvider>
      <button type="button" onClick={form.openNew}>
        New team
      </button>
      {TEAMS.map((team) => (
        <button key={team.id} type="button" onClick={() => form.openEdit(team)}>
          Rename {team.name}
        </button>
      ))}
      <RecordFormPanel form={form} newTitle="New team" editTitle={(team) => `Rename ${team.name}`}>
        {(team, close) => <TeamForm existing={team} onDone={close} />}
      </RecordFormPanel>
    </MantineProvider>
  );
}

describe('RecordFormPanel with useRecordForm', () => {
  it('shows no form until one is opened, then an empty one for a new record, its heading focused', async () => {
    render(<TeamsPage onClose={() => {}} />);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'New team' }));
    const panel = screen.getByRole('region', { name: 'New team' });
    expect(screen.getByRole('heading', { name: 'New team' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Create team' })).toHaveAttribute('type', 'submit');
    expect(panel).toContainElement(screen.getByRole('form', { name: 'New team' }));
  });

  it('opens the form of the record chosen, and of another one when it is chosen next', async () => {
    render(<TeamsPage onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rename Platform' }));
    expect(screen.getByRole('heading', { name: 'Rename Platform' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Platform');
    expect(screen.getByRole('button', { name: 'Save team' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Rename Billing' }));
    expect(screen.getByRole('heading', { name: 'Rename Billing' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Billing');
    expect(screen.getAllByRole('form')).toHaveLength(1);
  });

  it('closes when saved or cancelled, and tells the page each time so that it can reload its list', async () => {
    const onClose = vi.fn();
    render(<TeamsPage onClose={onClose} />);

    await userEvent.click(screen.getByRole('button', { name: 'New team' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(onClose).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Rename Platform' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save team' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
