import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from './auth/AuthProvider';
import { createSessionManager } from './auth/session';
import { MembersPage } from './pages/Members';
import { SignInPage } from './pages/SignIn';
import { RouteEmailPage } from './pages/routing/RouteEmail';
import { BoardPage } from './pages/work/Board';
import { ItemAttachments } from './pages/work/ItemAttachments';
import { accessFor, mockClient, renderWith } from './test/render';

async function violations(container: HTMLElement) {
  const result = await axe.run(container, {
    // jsdom does not lay out or paint: contrast is checked in a browser.
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function bare(ui: ReactElement) {
  const { client } = mockClient(() => undefined);
  return render(
    <MantineProvider env="test">
      <Provider value={client}>
        <AuthProvider manager={createSessionManager({ fetch: async () => new Response(null, { status: 401 }) })} restore={false}>
          <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>{ui}</MemoryRouter>
        </AuthProvider>
      </Provider>
    </MantineProvider>,
  );
}

describe('automated accessibility checks (axe-core)', () => {
  it('sign-in page', async () => {
    const { container } = bare(<SignInPage />);
    expect(await violations(container)).toEqual([]);
  });

  it('members page', async () => {
    const { client } = mockClient((name) =>
      name === 'Members'
        ? {
            data: {
              tenant: {
                id: 't',
                members: {
                  edges: [{ cursor: 'c', node: { id: 'm', role: 'MEMBER', joinedAt: '2030-01-01T00:00:00Z', user: { id: 'u', name: 'Grace', email: 'g@acme.test' } } }],
                  pageInfo: { hasNextPage: true, endCursor: 'c' },
                },
              },
            },
          }
        : name === 'RoleNames'
          ? { data: { roles: [{ id: 'r', name: 'MEMBER', builtIn: true }] } }
          : { data: { tenant: { id: 't', invitations: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } } },
    );
    const { container } = renderWith(<MembersPage />, { client, access: accessFor('ADMIN') });
    await screen.findByText('Grace');
    expect(await violations(container)).toEqual([]);
  });

  it('route an email page', async () => {
    const { client } = mockClient(() => ({ data: { intents: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    const { container } = renderWith(<RouteEmailPage />, { client, access: accessFor('MEMBER') });
    expect(await violations(container)).toEqual([]);
  });

  it('work board', async () => {
    const node = {
      id: 'i1',
      title: 'Write the notes',
      status: 'IN_PROGRESS',
      priority: 'HIGH',
      dueDate: '2030-01-01',
      version: 1,
      updatedAt: '2030-01-01T00:00:00Z',
      assignees: [{ id: 'u', name: 'Grace' }],
      tags: [{ id: 't', name: 'docs', color: '#1c7ed6' }],
      progress: { total: 2, done: 1 },
      team: null,
    };
    const { client } = mockClient((name) => (name === 'Items' ? { data: { items: { edges: [{ cursor: 'c', node }], pageInfo: { hasNextPage: false, endCursor: 'c' } } } } : undefined));
    const { container } = renderWith(<BoardPage />, { client, access: accessFor('MEMBER') });
    await screen.findByText('Write the notes');
    expect(await violations(container)).toEqual([]);
  });

  it('an item’s attachments', async () => {
    const file = {
      id: 'a1',
      filename: 'notes.txt',
      contentType: 'text/plain',
      sizeBytes: 40,
      createdAt: '2030-01-01T00:00:00Z',
      downloadUrl: '/files/a1',
      uploadedBy: { id: 'u', name: 'Grace', email: 'g@acme.test' },
    };
    const { client } = mockClient(() => ({ data: { item: { id: 'i1', attachments: [file] }, tenant: { id: 't', limits: { maxAttachmentBytes: 10485760 } } } }));
    const { container } = renderWith(<ItemAttachments itemId="i1" />, { client, access: accessFor('MEMBER') });
    await screen.findByRole('button', { name: 'Download notes.txt' });
    expect(await violations(container)).toEqual([]);
  });
});
