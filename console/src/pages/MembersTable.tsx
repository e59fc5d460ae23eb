import { Select, Table, Title } from '@mantine/core';
import { useMutation } from 'urql';
import { useAccess } from '../access';
import { ConfirmButton } from '../components/ConfirmButton';
import { PagedList } from '../components/PagedList';
import { formatTime } from '../format';
import { useListActions } from '../hooks/useListActions';
import { usePagedList } from '../hooks/usePagedList';
import { MembersDocument, RemoveMemberDocument, UpdateMemberRoleDocument } from './MembersOperations';

/** The tenant's members: their role, changed in place, and removing them
 * (or leaving, for oneself). `roles` are the roles the viewer can give. */
export function MembersTable({ roles }: { roles: string[] }) {
  const { can, me } = useAccess();
  const list = usePagedList({ query: MembersDocument, connection: (data) => data.tenant.members });
  const [update, updateRole] = useMutation(UpdateMemberRoleDocument);
  const [remove, removeMember] = useMutation(RemoveMemberDocument);
  const actions = useListActions({ onChanged: list.reload });

  return (
    <section aria-labelledby="members-heading">
      <Title order={2} id="members-heading" mb="sm">
        Members
      </Title>
      <PagedList
        list={list}
        label="Members"
        loadErrorTitle="Could not load the members"
        loadingText="Loading members…"
        actions={actions}
        empty={can('members.invite') ? 'No members to show. Invite someone with the form below.' : 'No members to show.'}
      >
        {(members) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Joined</Table.Th>
                  {can('members.remove') && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((node) => {
                  const self = node.user.id === me?.id;
                  const options = roles.includes(node.role) ? roles : [node.role, ...roles];
                  return (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        {node.user.name}
                        {self && ' (you)'}
                      </Table.Td>
                      <Table.Td>{node.user.email}</Table.Td>
                      <Table.Td>
                        {can('members.update') && !self ? (
                          <Select
                            size="xs"
                            aria-label={`Role of ${node.user.name}`}
                            data={options}
                            value={node.role}
                            allowDeselect={false}
                            disabled={update.fetching}
                            onChange={async (role) => {
                              if (!role || role === node.role) return;
                              await actions.change(() => updateRole({ input: { userId: node.user.id, role } }));
                            }}
                          />
                        ) : (
                          node.role
                        )}
                      </Table.Td>
                      <Table.Td>{formatTime(node.joinedAt)}</Table.Td>
                      {can('members.remove') && (
                        <Table.Td>
                          <ConfirmButton
                            question={self ? 'Leave this tenant?' : `Remove ${node.user.name}?`}
                            aria-label={self ? 'Leave this tenant' : `Remove ${node.user.name}`}
                            loading={remove.fetching}
                            onConfirm={async () => {
                              await actions.change(() => removeMember({ input: { userId: node.user.id } }));
                            }}
                          >
                            {self ? 'Leave' : 'Remove'}
                          </ConfirmButton>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
    </section>
  );
}
