import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { BoardPage } from './Board';

function item(version: number, status: string) {
  return {
    __typename: 'Item',
    id: 'item-1',
    title: 'Write the release notes',
    status,
    priority: 'HIGH',
    dueDate: null,
    version,
    updatedAt: '2030-01-01T10:00:00Z',
    assignees: [{ __typename: 'User', id: 'u1', name: 'Grace' }],
    tags: [{ __typename: 'Tag', id: 't1', name: 'docs', color: '#1c7ed6' }],
    progress: { __typename: 'Progress', total: 0, done: 0 },
    commentCount: 0,
    team: null,
  };
}

function items(node: ReturnType<typeof item>) {
  return { data: { items: { __typename: 'ItemConnection', edges: [{ __typename: 'ItemEdge', cursor: 'c1', node }], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' } } } };
}

const conflict = {
  error: new CombinedError({ graphQLErrors: [new GraphQLError('item-1 changed since version 3', { extensions: { code: 'CONFLICT', currentVersion: 4 } })] }),
};

async function moveWithMenu(to: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Move Write the release notes to…' }));
  await userEvent.click(await screen.findByRole('menuitem', { name: to }));
}

describe('the board', () => {
  it('moves a card with its menu: updateItem gets the new status and the version the card showed', async () => {
    let current = item(3, 'TODO');
    const { client, calls } = mockClient((name, variables) => {
      if (name === 'Items') return items(current);
      if (name === 'UpdateItem') {
        current = item(4, (variables.input as { status: string }).status);
        return { data: { updateItem: { __typename: 'ItemPayload', item: { ...current, description: null, estimatedHours: null, actualHours: null, completedAt: null, parent: null } } } };
      }
      return undefined;
    });
    renderWith(<BoardPage />, { client, access: accessFor('MEMBER') });
    const todo = await screen.findByRole('region', { name: 'To do' });
    expect(within(todo).getByText('Write the release notes')).toBeInTheDocument();
    expect(within(todo).getByText('Assigned to Grace')).toBeInTheDocument();

    await moveWithMenu('Done');
    expect(calls.find((c) => c.name === 'UpdateItem')?.variables).toEqual({ input: { id: 'item-1', expectedVersion: 3, status: 'DONE' } });
  });

  it('shows a conflict on the card with the current values, and applies the move again from the new version', async () => {
    let current = item(3, 'TODO');
    let refused = false;
    const { client, calls } = mockClient((name) => {
      if (name === 'Items') return items(current);
      if (name === 'UpdateItem') {
        if (!refused) {
          refused = true;
          // Meanwhile someone else put it in review.
          current = item(4, 'IN_REVIEW');
          return conflict;
        }
        current = item(5, 'DONE');
        return { data: { updateItem: { __typename: 'ItemPayload', item: { ...current, description: null, estimatedHours: null, actualHours: null, completedAt: null, parent: null } } } };
      }
      return undefined;
    });
    renderWith(<BoardPage />, { client, access: accessFor('MEMBER') });
    await moveWithMenu('Done');

    // The card moves to the column it is now in, so the alert is looked up
    // afresh: the one shown before the reload is gone with its old card.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Someone else changed this item (version 3 → 4); it is now in In review. Your move to Done was not applied.'), { timeout: 4000 });
    const alert = screen.getByRole('alert');
    expect(within(screen.getByRole('region', { name: 'In review' })).getByText('Write the release notes')).toBeInTheDocument();

    await userEvent.click(within(alert).getByRole('button', { name: 'Move to Done again' }));
    const updates = calls.filter((c) => c.name === 'UpdateItem').map((c) => c.variables);
    expect(updates).toEqual([
      { input: { id: 'item-1', expectedVersion: 3, status: 'DONE' } },
      { input: { id: 'item-1', expectedVersion: 4, status: 'DONE' } },
    ]);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('offers no moves to a role that cannot update items', async () => {
    const { client } = mockClient((name) => (name === 'Items' ? items(item(1, 'TODO')) : undefined));
    renderWith(<BoardPage />, { client, access: accessFor('VIEWER') });
    await screen.findByText('Write the release notes');
    expect(screen.queryByRole('button', { name: /Move .* to…/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New item' })).not.toBeInTheDocument();
  });
});
