import { Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../access';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusPanel } from '../components/StatusPanel';
import { Pager } from '../components/Pager';
import { describeError } from '../errors';
import { formatTime } from '../format';
import { graphql } from '../gql';
import { PAGE_SIZE, usePager } from '../hooks/usePager';

export const MembersDocument = graphql(`
  query Members($first: Int, $after: String) {
    tenant {
      id
      members(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            role
            joinedAt
            user {
              id
              name
              email
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const InvitationsDocument = graphql(`
  query Invitations($first: Int, $after: String) {
    tenant {
      id
      invitations(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            email
            role
            createdAt
            expiresAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const RoleNamesDocument = graphql(`
  query RoleNames {
    roles {
      id
      name
      builtIn
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      token
      invitation {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      deletedId
    }
  }
`);

export const UpdateMemberRoleDocument = graphql(`
  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) {
      member {
        id
        role
        permissions
      }
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      deletedId
    }
  }
`);

/** The link an invitee opens. */
export function invitationLink(token: string, origin = window.location.origin): string {
  return `${origin}/invitations/accept?token=${encodeURIComponent(token)}`;
}

function useRoleOptions() {
  const { can } = useAccess();
  const [{ data }] = useQuery({ query: RoleNamesDocument });
  return useMemo(
    () => (data?.roles ?? []).map((r) => r.name).filter((name) => name.toUpperCase() !== 'OWNER' || can('owners.manage')),
    [data, can],
  );
}

function MembersTable() {
  const { can, me } = useAccess();
  const pager = usePager();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MembersDocument,
    variables: { first: PAGE_SIZE, after: pager.after },
  });
  const roles = useRoleOptions();
  const [update, updateRole] = useMutation(UpdateMemberRoleDocument);
  const [remove, removeMember] = useMutation(RemoveMemberDocument);
  const [actionError, setActionError] = useState<unknown>(null);
  const connection = data?.tenant.members;

  return (
    <section aria-labelledby="members-heading">
      <Title order={2} id="members-heading" mb="sm">
        Members
      </Title>
      <ErrorAlert error={error} title="Could not load the members" />
      <ErrorAlert error={actionError} />
      {connection && connection.edges.length === 0 && <Text>No members on this page.</Text>}
      {connection && connection.edges.length > 0 && (
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
              {connection.edges.map(({ node }) => {
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
                            setActionError(null);
                            const result = await updateRole({ input: { userId: node.user.id, role } });
                            if (result.error) setActionError(result.error);
                            else refetch({ requestPolicy: 'network-only' });
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
                            setActionError(null);
                            const result = await removeMember({ input: { userId: node.user.id } });
                            if (result.error) setActionError(result.error);
                            else refetch({ requestPolicy: 'network-only' });
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
      {fetching && !data && <Text>Loading members…</Text>}
      <Pager
        label="Members"
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={!!connection?.pageInfo.hasNextPage}
        onPrevious={pager.previous}
        onNext={() => pager.next(connection?.pageInfo.endCursor)}
      />
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const roles = useRoleOptions();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>('MEMBER');
  const [state, invite] = useMutation(InviteMemberDocument);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<{ email: string; link: string } | null>(null);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setIssued(null);
    const result = await invite({ input: { email, role: role ?? '' } });
    if (result.error) {
      setError(result.error);
      return;
    }
    const token = result.data?.inviteMember.token;
    if (token) setIssued({ email, link: invitationLink(token) });
    setEmail('');
    onInvited();
  }

  return (
    <section aria-labelledby="invite-heading">
      <Title order={2} id="invite-heading" mb="sm">
        Invite someone
      </Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Invite a member">
        <Group align="flex-start" wrap="wrap">
          <TextInput label="Email" type="email" required value={email} error={fields.email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
          <Select label="Role" data={roles} value={role} onChange={setRole} allowDeselect={false} error={fields.role} w={200} />
          <Button type="submit" mt={25} loading={state.fetching}>
            Send invitation
          </Button>
        </Group>
        <Stack mt="sm">
          <ErrorAlert error={error} title="Could not invite" />
          {issued && (
            <StatusPanel color="green" title={`Invitation for ${issued.email}`}>
              <Text size="sm">The link is shown only now: copy it and pass it on to the invitee.</Text>
              <Group mt="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} aria-label="Invitation link">
                  {issued.link}
                </Code>
                <CopyButton value={issued.link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant={copied ? 'filled' : 'default'} onClick={copy}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </StatusPanel>
          )}
        </Stack>
      </Paper>
    </section>
  );
}

function InvitationsTable() {
  const { can } = useAccess();
  const pager = usePager();
  const [{ data, error }, refetch] = useQuery({
    query: InvitationsDocument,
    variables: { first: PAGE_SIZE, after: pager.after },
  });
  const [revoking, revoke] = useMutation(RevokeInvitationDocument);
  const [actionError, setActionError] = useState<unknown>(null);
  const connection = data?.tenant.invitations;
  return (
    <section aria-labelledby="invitations-heading">
      <Title order={2} id="invitations-heading" mb="sm">
        Pending invitations
      </Title>
      <ErrorAlert error={error} title="Could not load the invitations" />
      <ErrorAlert error={actionError} />
      {connection && connection.edges.length === 0 && <Text>No pending invitations.</Text>}
      {connection && connection.edges.length > 0 && (
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
            {connection.edges.map(({ node }) => (
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
                        setActionError(null);
                        const result = await revoke({ input: { invitationId: node.id } });
                        if (result.error) setActionError(result.error);
                        else refetch({ requestPolicy: 'network-only' });
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
      <Pager
        label="Invitations"
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={!!connection?.pageInfo.hasNextPage}
        onPrevious={pager.previous}
        onNext={() => pager.next(connection?.pageInfo.endCursor)}
      />
    </section>
  );
}

export function MembersPage() {
  const { can } = useAccess();
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="xl">
      <Title order={1}>Members and invitations</Title>
      <MembersTable />
      {can('members.invite') && <InviteForm onInvited={() => setVersion((v) => v + 1)} />}
      <InvitationsTable key={version} />
    </Stack>
  );
}
