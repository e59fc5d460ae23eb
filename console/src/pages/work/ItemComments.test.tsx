import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { ItemComments } from './ItemComments';

function comment(id: string, author: { id: string; name: string }, body: string) {
  return { cursor: `c-${id}`, node: { id, body, createdAt: '2030-01-01T10:00:00Z', editedAt: null, author } };
}

function render(role: string) {
  const { client, calls } = mockClient((name) => {
    if (name === 'ItemComments') {
      return {
        data: {
          item: {
            id: 'item-1',
            commentCount: 2,
            comments: {
              edges: [comment('c1', { id: 'user-ada', name: 'Ada' }, 'Mine'), comment('c2', { id: 'user-grace', name: 'Grace' }, 'Theirs')],
              pageInfo: { hasNextPage: false, endCursor: 'c-c2' },
            },
          },
        },
      };
    }
    if (name === 'AddComment') return { data: { addComment: { comment: { id: 'c3', body: 'New', item: { id: 'item-1', commentCount: 3 } } } } };
    return undefined;
  });
  renderWith(<ItemComments itemId="item-1" />, { client, access: accessFor(role) });
  return calls;
}

describe('an item’s comments', () => {
  it('lets a member edit and delete their own comments only, and add one', async () => {
    const calls = render('MEMBER');
    await screen.findByText('Theirs');
    expect(screen.getAllByRole('button', { name: /^Edit your comment/ })).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Delete the comment by Ada/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete the comment by Grace/ })).not.toBeInTheDocument();

    await userEvent.type(screen.getByRole('textbox', { name: 'Add a comment' }), 'Looks good');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(calls.find((c) => c.name === 'AddComment')?.variables).toEqual({ input: { itemId: 'item-1', body: 'Looks good' } });
  });

  it('lets a moderator delete anyone’s comment', async () => {
    render('ADMIN');
    await screen.findByText('Theirs');
    expect(screen.getByRole('button', { name: /^Delete the comment by Grace/ })).toBeInTheDocument();
  });

  it('offers a viewer nothing to change', async () => {
    render('VIEWER');
    await screen.findByText('Theirs');
    expect(screen.queryByRole('button', { name: /Edit|Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New comment' })).not.toBeInTheDocument();
  });
});
