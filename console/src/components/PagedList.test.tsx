import { CombinedError } from '@urql/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useMutation } from 'urql';
import { useListActions } from '../hooks/useListActions';
import { usePagedList } from '../hooks/usePagedList';
import { ConfigsDocument, DeleteConfigDocument, RestoreConfigDocument } from '../pages/routing/ConfigsOperations';
import { accessFor, mockClient, renderWith } from '../test/render';
import { PagedList } from './PagedList';

/** A list as the pages build one: the shared hooks and component, and rows
 * with a delete button. */
function ConfigList() {
  const list = usePagedList({ query: ConfigsDocument, connection: (data) => data.datasourceConfigs });
  const [, deleteConfig] = useMutation(DeleteConfigDocument);
  const [, restoreConfig] = useMutation(RestoreConfigDocument);
  const actions = useListActions({ onChanged: list.reload, restore: (id) => restoreConfig({ input: { id } }) });
  return (
    <PagedList list={list} label="Configs" loadErrorTitle="Could not load the configs" empty="No configs yet. Add one with New config." actions={actions}>
      {(configs) => (
        <ul aria-label="Configs">
          {configs.map((config) => (
            <li key={config.id}>
              {config.name}
              <button type="button" onClick={() => actions.remove(config, () => deleteConfig({ input: { id: config.id } }))}>
                Delete {config.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  );
}

function config(name: string) {
  return {
    cursor: `cursor-${name}`,
    node: {
      id: `id-${name}`,
      name,
      protocol: 'FILE',
      baseUrl: null,
      authType: 'NONE',
      hasCredentials: false,
      connection: {},
      tlsMode: null,
      createdAt: '2030-01-01T10:00:00Z',
      updatedAt: '2030-01-01T10:00:00Z',
    },
  };
}

function page(names: string[], hasNextPage: boolean) {
  const edges = names.map(config);
  return { data: { datasourceConfigs: { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } } } };
}

function failure(code: string, message: string) {
  return { error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code } })] }) };
}

function render(answer: Parameters<typeof mockClient>[0]) {
  const { client, calls } = mockClient(answer);
  renderWith(<ConfigList />, { client, access: accessFor('ADMIN') });
  return calls;
}

describe('PagedList with usePagedList and useListActions', () => {
  it('says what to do when the list is empty, and offers no page navigation', async () => {
    render((name) => (name === 'DatasourceConfigs' ? page([], false) : undefined));
    expect(await screen.findByText('No configs yet. Add one with New config.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Configs' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Configs pages' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why the list could not be loaded, in the words the error mapping gives the code', async () => {
    render((name) => (name === 'DatasourceConfigs' ? failure('FORBIDDEN', 'missing permission connections.read') : undefined));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the configs');
    expect(alert).toHaveTextContent('Your role in this tenant does not allow this. Ask an administrator if you need it.');
    expect(alert).toHaveTextContent('Server said: missing permission connections.read');
    // An error is not an empty list.
    expect(screen.queryByText('No configs yet. Add one with New config.')).not.toBeInTheDocument();
  });

  it('loads the next page with the cursor from pageInfo.endCursor, and goes back', async () => {
    const calls = render((name, variables) => {
      if (name !== 'DatasourceConfigs') return undefined;
      return variables.after === 'cursor-billing' ? page(['orders'], false) : page(['crm', 'billing'], true);
    });
    const list = await screen.findByRole('list', { name: 'Configs' });
    expect(within(list).getByText('crm')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Configs pages' });
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('orders')).toBeInTheDocument();
    expect(screen.queryByText('crm')).not.toBeInTheDocument();
    expect(within(pages).getByText('Page 2')).toBeInTheDocument();
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(calls.filter((c) => c.name === 'DatasourceConfigs').map((c) => c.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'cursor-billing' },
    ]);

    await userEvent.click(within(pages).getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('crm')).toBeInTheDocument();
    expect(within(pages).getByText('Page 1')).toBeInTheDocument();
  });

  it('deletes an item, offers to restore it, and reloads the list each time', async () => {
    let names = ['crm', 'billing'];
    const calls = render((name, variables) => {
      switch (name) {
        case 'DatasourceConfigs':
          return page(names, false);
        case 'DeleteDatasourceConfig':
          names = names.filter((n) => `id-${n}` !== (variables.input as { id: string }).id);
          return { data: { deleteDatasourceConfig: { deletedId: 'id-crm' } } };
        case 'RestoreDatasourceConfig':
          names = ['crm', ...names];
          return { data: { restoreDatasourceConfig: { datasourceConfig: { id: 'id-crm', name: 'crm' } } } };
        default:
          return undefined;
      }
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete crm' }));
    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent('crm was deleted.');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Configs' })).queryByText('crm')).not.toBeInTheDocument());

    await userEvent.click(within(notice).getByRole('button', { name: 'Restore crm' }));
    expect(calls.find((c) => c.name === 'RestoreDatasourceConfig')?.variables).toEqual({ input: { id: 'id-crm' } });
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(await within(screen.getByRole('list', { name: 'Configs' })).findByText('crm')).toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'DatasourceConfigs').length).toBeGreaterThanOrEqual(3);
  });

  it('shows why an action failed, and offers no restore', async () => {
    render((name) => {
      if (name === 'DatasourceConfigs') return page(['crm'], false);
      if (name === 'DeleteDatasourceConfig') return failure('CONFLICT', 'crm is still used by 2 datasources');
      return undefined;
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete crm' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This clashes with something that already exists or is still in use.');
    expect(alert).toHaveTextContent('crm is still used by 2 datasources');
    expect(screen.queryByRole('button', { name: 'Restore crm' })).not.toBeInTheDocument();
  });

  it('says so when a later page has emptied, instead of the empty-list message', async () => {
    render((name, variables) => {
      if (name !== 'DatasourceConfigs') return undefined;
      return variables.after ? page([], false) : page(['crm'], true);
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Nothing left on this page. Go back with Previous page.')).toBeInTheDocument();
    expect(screen.queryByText('No configs yet. Add one with New config.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  });
});
