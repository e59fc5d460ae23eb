import { Table, Title } from '@mantine/core';
import { useMutation } from 'urql';
import { useAccess } from '../access';
import { ConfirmButton } from '../components/ConfirmButton';
import { PagedList } from '../components/PagedList';
import { formatTime } from '../format';
import { useListActions } from '../hooks/useListActions';
import { usePagedList } from '../hooks/usePagedList';
import { InvitationsDocument, RevokeInvitationDocument } from './MembersOperations';

/** The invitations not yet accepted, and revoking them. */
export function InvitationsTable() {
  const { can } = useAccess();
  const list = usePagedList({ query: InvitationsDocument, connection: (data) => data.tenant.invitations });
  const [revoking, revoke] = useMutation(RevokeInvitationDocument);
  const actions = useListActions({ onChanged: list.reload });
  return (
    <section aria-labelledby="invitations-heading">
      <Title order={2} id="invitations-heading" mb="sm">
        Pending invitations
      </Title>
      <PagedList
        list={list}
        label="Invitations"
        loadErrorTitle="Could not load the invitations"
        loadingText="Loading invitations…"
        actions={actions}
        empty={
          can('members.invite')
            ? 'No pending invitations. Invite someone with the form above: the invitation waits here until it is accepted.'
            : 'No pending invitations.'
        }
      >
        {(invitations) => (
          <Table striped aria-label="Pending invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Sent</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                {can('members.invite') && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((node) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.email}</Table.Td>
                  <Table.Td>{node.role}</Table.Td>
                  <Table.Td>{formatTime(node.createdAt)}</Table.Td>
                  <Table.Td>{formatTime(node.expiresAt)}</Table.Td>
                  {can('members.invite') && (
                    <Table.Td>
                      <ConfirmButton
                        question={`Revoke the invitation for ${node.email}?`}
                        aria-label={`Revoke the invitation for ${node.email}`}
                        loading={revoking.fetching}
                        onConfirm={async () => {
                          await actions.change(() => revoke({ input: { invitationId: node.id } }));
                        }}
                      >
                        Revoke
                      </ConfirmButton>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </section>
  );
}
