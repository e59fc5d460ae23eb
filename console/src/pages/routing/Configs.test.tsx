import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { ConfigsPage } from './Configs';

function config(id: string, name: string, baseUrl: string) {
  return {
    cursor: id,
    node: {
      id,
      name,
      protocol: 'POSTGRESQL',
      baseUrl,
      authType: 'NONE',
      hasCredentials: false,
      connection: null,
      tlsMode: 'VERIFY_FULL',
      createdAt: '2026-11-01T10:00:00Z',
      updatedAt: '2026-11-01T10:00:00Z',
    },
  };
}

describe('the datasource configs page', () => {
  it('opens the edit form with the values of the config chosen last', async () => {
    const { client } = mockClient((name) => {
      if (name !== 'DatasourceConfigs') return undefined;
      const edges = [config('config-crm', 'crm', 'postgres://crm:5432/crm'), config('config-billing', 'billing', 'postgres://billing:5432/billing')];
      return { data: { datasourceConfigs: { edges, pageInfo: { hasNextPage: false, endCursor: 'config-billing' } } } };
    });
    renderWith(<ConfigsPage />, { client, access: accessFor('ADMIN') });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit crm' }));
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('crm');
    await userEvent.click(screen.getByRole('button', { name: 'Edit billing' }));
    expect(screen.getByText('Edit billing')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('billing');
  });
});
