import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { itemDetail } from '../../test/itemDetail';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { ItemSubtasks } from './ItemSubtasks';

function subtasks(count: number, hasNextPage: boolean) {
  const edges = Array.from({ length: count }, (_, i) => ({ node: { id: `sub-${i}`, title: `Subtask ${i}`, status: 'TODO' as const, version: 1 } }));
  return { edges, pageInfo: { hasNextPage, endCursor: count ? `sub-${count - 1}` : null } };
}

function render(item: ReturnType<typeof itemDetail>) {
  const { client } = mockClient(() => undefined);
  renderWith(<ItemSubtasks item={item} canCreate={false} onAdded={() => {}} />, { client, access: accessFor('VIEWER') });
}

describe('an item’s subtasks', () => {
  it('says how many are not shown and links to the list of all of them', () => {
    render(itemDetail({ progress: { total: 130, done: 4 }, subtasks: subtasks(100, true) }));
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByText(/Showing 100 of 130 subtasks\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See them all in the item list' })).toHaveAttribute('href', '/work/items?parent=item-1');
  });

  it('says nothing more when every subtask is shown', () => {
    render(itemDetail({ progress: { total: 2, done: 1 }, subtasks: subtasks(2, false) }));
    expect(screen.getByText('1 of 2 subtasks done (50 %)')).toBeInTheDocument();
    expect(screen.queryByText(/Showing/)).not.toBeInTheDocument();
  });
});
