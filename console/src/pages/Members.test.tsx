import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../test/render';
import { MembersPage } from './Members';

function member(id: string, name: string, role: string) {
  return {
    __typename: 'MemberEdge',
    cursor: `c-${id}`,
    node: {
      __typename: 'Member',
      id: `m-${id}`,
      role,
      joinedAt: '2030-01-01T10:00:00Z',
      user: { __typename: 'User', id, name, email: `${name.toLowerCase()}@acme.test` },
    },
  };
}

const roles = {
  roles: [
    { __typename: 'Role', id: 'r1', name: 'OWNER', builtIn: true },
    { __typename: 'Role', id: 'r2', name: 'ADMIN', builtIn: true },
    { __typename: 'Role', id: 'r3', name: 'MEMBER', builtIn: true },
    { __typename: 'Role', id: 'r4', name: 'VIEWER', builtIn: true },
  ],
};

function answers(name: string, variables: Record<string, unknown>) {
  switch (name) {
    case 'Members':
      return variables.after === 'c-u2'
        ? {
            data: {
              tenant: {
                __typename: 'Tenant',
                id: 'tenant-acme',
                members: { __typename: 'MemberConnection', edges: [member('u3', 'Alan', 'VIEWER')], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c-u3' } },
              },
            },
          }
        : {
            data: {
              tenant: {
                __typename: 'Tenant',
                id: 'tenant-acme',
                members: {
                  __typename: 'MemberConnection',
                  edges: [member('user-ada', 'Ada', 'OWNER'), member('u2', 'Grace', 'MEMBER')],
                  pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c-u2' },
                },
              },
            },
          };
    case 'Invitations':
      return {
        data: {
          tenant: {
            __typename: 'Tenant',
            id: 'tenant-acme',
            invitations: {
              __typename: 'InvitationConnection',
              edges: [
                {
                  __typename: 'InvitationEdge',
                  cursor: 'i1',
                  node: { __typename: 'Invitation', id: 'inv-1', email: 'linus@acme.test', role: 'VIEWER', createdAt: '2030-01-01T10:00:00Z', expiresAt: '2030-01-08T10:00:00Z' },
                },
              ],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'i1' },
            },
          },
        },
      };
    case 'RoleNames':
      return { data: roles };
    case 'InviteMember':
      return {
        data: {
          inviteMember: {
            __typename: 'InviteMemberPayload',
            token: 'secret-token',
            invitation: { __typename: 'Invitation', id: 'inv-2', email: variables.input && (variables.input as { email: string }).email, role: 'MEMBER', createdAt: '2030-01-01T10:00:00Z', expiresAt: '2030-01-08T10:00:00Z' },
          },
        },
      };
    case 'UpdateMemberRole':
      return { data: { updateMemberRole: { __typename: 'UpdateMemberRolePayload', member: { __typename: 'Member', id: 'm-u2', role: 'ADMIN', permissions: [] } } } };
    default:
      return undefined;
  }
}

describe('Members page', () => {
  it('lists the members and pages through them with the cursors', async () => {
    const { client, calls } = mockClient(answers);
    renderWith(<MembersPage />, { client, access: accessFor('OWNER') });

    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getByText('Ada (you)')).toBeInTheDocument();
    expect(within(table).getByText('grace@acme.test')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Members and invitations' })).toBeInTheDocument();

    await userEvent.click(within(screen.getByRole('navigation', { name: 'Members pages' })).getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Alan')).toBeInTheDocument();
    expect(calls.some((c) => c.name === 'Members' && c.variables.after === 'c-u2' && c.variables.first === 20)).toBe(true);
    expect(screen.queryByText('Grace')).not.toBeInTheDocument();

    await userEvent.click(within(screen.getByRole('navigation', { name: 'Members pages' })).getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Grace')).toBeInTheDocument();
  });

  it('invites by email and shows the link once, with a copy button', async () => {
    const { client, calls } = mockClient(answers);
    renderWith(<MembersPage />, { client, access: accessFor('ADMIN') });

    const form = await screen.findByRole('form', { name: 'Invite a member' });
    await userEvent.type(within(form).getByLabelText(/Email/), 'grace2@acme.test');
    await userEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));

    // A confirmation, not an error: a polite status region, never an alert.
    const issued = await screen.findByRole('status', { name: 'Invitation for grace2@acme.test' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const link = within(issued).getByLabelText('Invitation link');
    expect(link).toHaveTextContent(/\/invitations\/accept\?token=secret-token$/);
    expect(within(issued).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'InviteMember')?.variables).toEqual({ input: { email: 'grace2@acme.test', role: 'MEMBER' } });
  });

  it('shows the pending invitations with a revoke action', async () => {
    const { client } = mockClient(answers);
    renderWith(<MembersPage />, { client, access: accessFor('ADMIN') });
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('linus@acme.test')).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('button', { name: 'Revoke the invitation for linus@acme.test' }));
    expect(within(table).getByRole('button', { name: 'Yes, revoke' })).toBeInTheDocument();
  });

  it('hides what a viewer cannot do', async () => {
    const { client } = mockClient(answers);
    renderWith(<MembersPage />, { client, access: accessFor('VIEWER') });
    await screen.findByRole('table', { name: 'Members' });
    expect(screen.queryByRole('form', { name: 'Invite a member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Role of/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('MEMBER')).toBeInTheDocument());
  });
});
