import { CombinedError } from '@urql/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { IntentPage } from '../pages/routing/IntentDetail';
import { accessFor, mockClient, renderWith } from '../test/render';
import { RuleEditor } from './RuleEditor';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';

const datasources = [
  { id: 'ds-crm', name: 'Customers', kind: 'DATABASE' as const },
  { id: 'ds-csv', name: 'Orders', kind: 'FILE' as const, columns: ['order', 'email'] },
];

const rule = {
  __typename: 'ValidationRule',
  id: 'rule-1',
  datasourceId: 'ds-crm',
  fieldName: 'from',
  ruleType: 'EQUALS',
  conditions: { query: 'SELECT plan FROM customers WHERE email = ?', params: ['from'], expected: 'pro' },
  priority: 0,
  isActive: true,
  datasource: { __typename: 'Datasource', id: 'ds-crm', name: 'Customers', kind: 'DATABASE' },
};

function intentAnswers(onUpdate: (variables: Record<string, unknown>) => void) {
  return (name: string, variables: Record<string, unknown>) => {
    switch (name) {
      case 'Intent':
        return {
          data: {
            intent: {
              __typename: 'Intent',
              id: 'intent-1',
              name: 'Support Ticket',
              description: null,
              priority: 10,
              isActive: true,
              createdAt: '2030-01-01T10:00:00Z',
              updatedAt: '2030-01-01T10:00:00Z',
              matchers: [{ __typename: 'Matcher', field: 'TO', header: null, operator: 'ENDS_WITH', value: 'support@acme.test' }],
              rules: [rule],
            },
          },
        };
      case 'RuleDatasources':
        return {
          data: {
            datasources: {
              __typename: 'DatasourceConnection',
              edges: [{ __typename: 'DatasourceEdge', cursor: 'c-crm', node: { __typename: 'Datasource', id: 'ds-crm', name: 'Customers', kind: 'DATABASE', file: null } }],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c-crm' },
            },
          },
        };
      case 'UpdateValidationRule':
        onUpdate(variables);
        return {
          error: new CombinedError({
            graphQLErrors: [
              new GraphQLError('invalid input', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [
                    { field: 'input.conditions.query', message: 'must be a single SELECT statement' },
                    { field: 'input.conditions.params[0]', message: 'is not an email field' },
                    { field: 'input.conditions.x', message: 'is not a known key' },
                  ],
                },
              }),
            ],
          }),
        };
      default:
        return undefined;
    }
  };
}

describe('rule editor', () => {
  it('shows the server field errors next to the inputs they name', async () => {
    const onUpdate = vi.fn();
    const { client } = mockClient(intentAnswers(onUpdate));
    renderWith(<IntentPage />, { client, access: accessFor('MEMBER'), path: '/routing/intents/:id', route: '/routing/intents/intent-1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Intent: Support Ticket' })).toBeInTheDocument();
    const item = screen.getByRole('listitem', { name: 'Rule 1' });
    expect(within(item).getByText(/EQUALS on/)).toBeInTheDocument();
    await userEvent.click(within(item).getByRole('button', { name: 'Edit rule 1' }));

    const form = screen.getByRole('form', { name: 'Edit rule 1' });
    const sql = within(form).getByLabelText('SQL query');
    expect(sql).toHaveValue('SELECT plan FROM customers WHERE email = ?');
    await userEvent.clear(sql);
    await userEvent.type(sql, 'DELETE FROM customers');
    await userEvent.click(within(form).getByRole('button', { name: 'Save rule' }));

    expect(onUpdate).toHaveBeenCalledWith({
      input: {
        id: 'rule-1',
        datasourceId: 'ds-crm',
        fieldName: 'from',
        ruleType: 'EQUALS',
        priority: 0,
        isActive: true,
        conditions: { query: 'DELETE FROM customers', params: ['from'], expected: 'pro' },
      },
    });
    const sqlAfter = within(form).getByLabelText('SQL query');
    expect(sqlAfter).toHaveAttribute('aria-invalid', 'true');
    expect(sqlAfter).toHaveAccessibleDescription(/must be a single SELECT statement/);
    expect(within(form).getByLabelText('Query parameters')).toHaveAccessibleDescription(/\[0\]: is not an email field/);
    // A field no input shows is listed under the form.
    expect(within(form).getByText('conditions.x')).toBeInTheDocument();
    expect(within(form).getByText(/Correct the highlighted fields/)).toBeInTheDocument();
  });

  it('builds FILE conditions from the CSV columns and the rule type', async () => {
    const onSubmit = vi.fn();
    render(
      <MantineProvider env="test">
        <RuleEditor
          title="New rule"
          datasources={datasources}
          initial={{ datasourceId: 'ds-csv', fieldName: 'fields.order', ruleType: 'IN_LIST', conditions: {} }}
          onSubmit={onSubmit}
        />
      </MantineProvider>,
    );
    const form = screen.getByRole('form', { name: 'New rule' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'CSV column to match' }), 'order');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Column to return' }), 'email');
    await userEvent.type(within(form).getByLabelText(/Allowed values/), 'a@x.test{enter}b@x.test');
    await userEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    expect(onSubmit).toHaveBeenCalledWith({
      datasourceId: 'ds-csv',
      fieldName: 'fields.order',
      ruleType: 'IN_LIST',
      priority: 0,
      isActive: true,
      conditions: { column: 'order', returnColumn: 'email', values: ['a@x.test', 'b@x.test'] },
    });
  });

  it('refuses to send without a datasource, saying so next to the field', async () => {
    const onSubmit = vi.fn();
    render(
      <MantineProvider env="test">
        <RuleEditor title="New rule" datasources={datasources} onSubmit={onSubmit} />
      </MantineProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('choose a datasource')).toBeInTheDocument();
  });
});
