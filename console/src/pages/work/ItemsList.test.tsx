import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { filterFromParams, orderFromParams } from './itemFilters';
import { ItemsListPage } from './ItemsList';

const empty = { data: { items: { __typename: 'ItemConnection', edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } };

function row(id: string, title: string, version: number) {
  return {
    cursor: `c-${id}`,
    node: {
      id,
      title,
      status: 'TODO',
      priority: 'MEDIUM',
      dueDate: null,
      version,
      updatedAt: '2030-01-01T10:00:00Z',
      assignees: [],
      tags: [],
      progress: { total: 0, done: 0 },
      commentCount: 0,
      team: null,
    },
  };
}

function render(route: string, items: ReturnType<typeof row>[] = []) {
  const { client, calls } = mockClient((name) => {
    if (name === 'Items') return items.length ? { data: { items: { edges: items, pageInfo: { hasNextPage: false, endCursor: null } } } } : empty;
    if (name === 'UpdateItems') {
      return {
        data: {
          updateItems: {
            results: [
              { id: 'i1', item: { id: 'i1', status: 'DONE', priority: 'MEDIUM', version: 3, updatedAt: '2030-01-02T10:00:00Z' }, error: null },
              { id: 'i2', item: null, error: { code: 'CONFLICT', message: 'i2 changed since version 5' } },
            ],
          },
        },
      };
    }
    if (name === 'TenantMembers') {
      return {
        data: {
          tenant: {
            id: 't',
            members: {
              edges: [{ cursor: 'c-m1', node: { id: 'm1', user: { id: 'user-grace', name: 'Grace', email: 'g@acme.test' } } }],
              pageInfo: { hasNextPage: false, endCursor: 'c-m1' },
            },
          },
        },
      };
    }
    if (name === 'Teams') {
      const team = { id: 'team-web', name: 'Web', description: null, updatedAt: '2030-01-01T10:00:00Z', members: [] };
      return { data: { teams: { edges: [{ cursor: 'c-team-web', node: team }], pageInfo: { hasNextPage: false, endCursor: null } } } };
    }
    if (name === 'ItemTitle') return { data: { item: { id: 'item-9', title: 'Release 2.0' } } };
    if (name === 'Tags') return { data: { tags: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } };
    return undefined;
  });
  renderWith(<ItemsListPage />, { client, access: accessFor('MEMBER'), path: '/work/items', route });
  const itemsCalls = () => calls.filter((c) => c.name === 'Items').map((c) => c.variables);
  return Object.assign(itemsCalls, { calls });
}

describe('the item list', () => {
  it('sends every filter and the order the URL holds', async () => {
    const itemsCalls = render(
      '/work/items?status=TODO,IN_REVIEW&priority=HIGH,URGENT&assignee=user-grace&unassigned=1&team=team-1&tags=tag-1,tag-2&tagMatch=ANY&top=1&dueAfter=2030-01-01&dueBefore=2030-02-01&overdue=1&createdBy=user-ada&q=changelog&order=DUE_DATE&dir=ASC',
    );
    await waitFor(() => expect(itemsCalls().length).toBeGreaterThan(0));
    expect(itemsCalls()[0]).toEqual({
      first: 20,
      after: null,
      filter: {
        status: ['TODO', 'IN_REVIEW'],
        priority: ['HIGH', 'URGENT'],
        assigneeId: 'user-grace',
        unassigned: true,
        teamId: 'team-1',
        tagIds: ['tag-1', 'tag-2'],
        tagMatch: 'ANY',
        topLevelOnly: true,
        dueAfter: '2030-01-01',
        dueBefore: '2030-02-01',
        overdue: true,
        createdBy: 'user-ada',
        search: 'changelog',
      },
      orderBy: { field: 'DUE_DATE', direction: 'ASC' },
    });
    expect(await screen.findByText('No items match these filters. Loosen or clear them.')).toBeInTheDocument();
  });

  it('lists the subtasks of the parent the URL names, and shows every item again on request', async () => {
    const itemsCalls = render('/work/items?parent=item-9');
    await waitFor(() => expect(itemsCalls()[0]?.filter).toEqual({ parentId: 'item-9' }));
    expect(await screen.findByRole('link', { name: 'Release 2.0' })).toHaveAttribute('href', '/work/items/item-9');
    await userEvent.click(screen.getByRole('button', { name: 'Show items of any parent' }));
    await waitFor(() => expect(itemsCalls().at(-1)?.filter).toEqual({}));
    expect(screen.queryByText(/Subtasks of/)).not.toBeInTheDocument();
  });

  it('asks again with the filter a control sets, from the first page', async () => {
    const itemsCalls = render('/work/items');
    await waitFor(() => expect(itemsCalls()[0]).toEqual({ first: 20, after: null, filter: {}, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(itemsCalls().at(-1)?.filter).toEqual({ overdue: true }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Top-level only' }));
    await waitFor(() => expect(itemsCalls().at(-1)?.filter).toEqual({ overdue: true, topLevelOnly: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(itemsCalls().at(-1)?.filter).toEqual({}));
  });

  it('searches on submit, best matches first, and keeps the words in the URL', async () => {
    const itemsCalls = render('/work/items?status=TODO');
    await userEvent.type(screen.getByRole('textbox', { name: /^Search/ }), 'release notes{Enter}');
    await waitFor(() =>
      expect(itemsCalls().at(-1)).toEqual({ first: 20, after: null, filter: { status: ['TODO'], search: 'release notes' }, orderBy: { field: 'RELEVANCE', direction: 'DESC' } }),
    );
    // Typing alone asked nothing: only the first list and the search.
    expect(itemsCalls()).toHaveLength(2);
  });

  it('changes the selected items at once, each from the version it was listed at, and reports each failure', async () => {
    const { calls } = render('/work/items', [row('i1', 'Draft', 2), row('i2', 'Publish', 5), row('i3', 'Skip', 1)]);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Draft' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Publish' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Set status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 items' }));
    expect(calls.find((c) => c.name === 'UpdateItems')?.variables).toEqual({
      input: {
        items: [
          { id: 'i1', expectedVersion: 2, patch: { status: 'DONE' } },
          { id: 'i2', expectedVersion: 5, patch: { status: 'DONE' } },
        ],
      },
    });
    const report = await screen.findByRole('status');
    expect(report).toHaveTextContent('1 item changed; 1 not:');
    expect(report).toHaveTextContent('Publish: This clashes with something that already exists or is still in use. (i2 changed since version 5)');
  });

  it('moves the selected items to a team or out of theirs, and sets or clears their due dates', async () => {
    const { calls } = render('/work/items', [row('i1', 'Draft', 2), row('i2', 'Publish', 5)]);
    const patches = () => (calls.filter((c) => c.name === 'UpdateItems').at(-1)?.variables as { input: { items: { patch: unknown }[] } }).input.items.map((i) => i.patch);

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Draft' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Set team' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Web' }));
    fireEvent.change(screen.getByLabelText('Set due date'), { target: { value: '2030-03-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 item' }));
    expect(patches()).toEqual([{ teamId: 'team-web', dueDate: '2030-03-01' }]);

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Publish' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Set team' }));
    await userEvent.click(await screen.findByRole('option', { name: 'No team' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Clear due dates' }));
    expect(screen.getByLabelText('Set due date')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 item' }));
    expect(patches()).toEqual([{ teamId: null, dueDate: null }]);
  });

  it('ignores values the API would refuse', () => {
    const params = new URLSearchParams('status=TODO,NOPE&dueBefore=tomorrow&order=RELEVANCE&dir=sideways');
    expect(filterFromParams(params)).toEqual({ status: ['TODO'] });
    // Relevance needs a search.
    expect(orderFromParams(params)).toEqual({ field: 'CREATED_AT', direction: 'DESC' });
    expect(orderFromParams(new URLSearchParams('q=x&order=TITLE&dir=ASC'))).toEqual({ field: 'TITLE', direction: 'ASC' });
  });
});
