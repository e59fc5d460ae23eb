import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { itemDetail } from '../../test/itemDetail';
import { ParentItemSelect } from './ParentItemSelect';

const item = itemDetail({
  parent: { id: 'item-old', title: 'Old parent' },
  subtasks: { edges: [{ node: { id: 'item-sub', title: 'A subtask', status: 'TODO', version: 1 } }], pageInfo: { hasNextPage: false, endCursor: null } },
});

const found = (...nodes: [string, string][]) => ({ data: { items: { edges: nodes.map(([id, title]) => ({ node: { id, title } })) } } });

function Harness() {
  const [parentId, setParentId] = useState<string | null>('item-old');
  return (
    <>
      <ParentItemSelect item={item} value={parentId} onChange={setParentId} disabled={false} />
      <output aria-label="Chosen parent">{parentId ?? 'none'}</output>
    </>
  );
}

function render() {
  const { client, calls } = mockClient((name, variables) => {
    if (name !== 'ParentChoices') return undefined;
    const search = (variables.filter as { search?: string } | undefined)?.search;
    if (search === 'release') return found(['item-release', 'Release notes']);
    // The item itself and its subtask come back too: the picker leaves them out.
    return found(['item-1', 'Write the changelog'], ['item-sub', 'A subtask'], ['item-recent', 'Recently updated'], ['item-old', 'Old parent']);
  });
  renderWith(<Harness />, { client, access: accessFor('MEMBER') });
  return () => calls.filter((c) => c.name === 'ParentChoices').map((c) => c.variables);
}

const optionNames = () => within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent);

describe('the parent item picker', () => {
  it('offers the items updated last and the current parent, never the item itself or its subtasks', async () => {
    const asked = render();
    await waitFor(() => expect(asked()[0]).toEqual({ first: 20, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Parent item' }));
    await waitFor(() => expect(optionNames()).toEqual(['Old parent', 'Recently updated']));
  });

  it('asks the server once typing pauses, keeps the current parent, and picks a match', async () => {
    const asked = render();
    const input = screen.getByRole('textbox', { name: 'Parent item' });
    await userEvent.clear(input);
    await userEvent.type(input, 'release');
    await waitFor(() => expect(optionNames()).toEqual(['Old parent', 'Release notes']));
    const searches = asked().filter((v) => v.filter);
    // One search for the whole word, not one for every letter typed.
    expect(searches).toEqual([{ first: 20, filter: { search: 'release' }, orderBy: { field: 'RELEVANCE', direction: 'DESC' } }]);
    await userEvent.click(screen.getByRole('option', { name: 'Release notes' }));
    expect(screen.getByRole('status', { name: 'Chosen parent' })).toHaveTextContent('item-release');
    expect(input).toHaveValue('Release notes');
  });
});
