import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../access';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusPanel } from '../components/StatusPanel';
import { describeError } from '../errors';
import { graphql } from '../gql';

export const RolesDocument = graphql(`
  query Roles {
    roles {
      id
      name
      builtIn
      permissions
      createdAt
    }
    permissions {
      name
      description
    }
  }
`);

export const CreateRoleDocument = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      role {
        id
        name
        builtIn
        permissions
        createdAt
      }
    }
  }
`);

export const DeleteRoleDocument = graphql(`
  mutation DeleteRole($input: DeleteRoleInput!) {
    deleteRole(input: $input) {
      deletedId
    }
  }
`);

export const RestoreRoleDocument = graphql(`
  mutation RestoreRole($input: RestoreRoleInput!) {
    restoreRole(input: $input) {
      role {
        id
        name
        builtIn
        permissions
        createdAt
      }
    }
  }
`);

export function RolesPage() {
  const { can } = useAccess();
  const [{ data, error }, refetch] = useQuery({ query: RolesDocument });
  const [creating, createRole] = useMutation(CreateRoleDocument);
  const [, deleteRole] = useMutation(DeleteRoleDocument);
  const [restoring, restoreRole] = useMutation(RestoreRoleDocument);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string }[]>([]);
  const fields = formError ? describeError(formError).fields : {};
  const manage = can('roles.manage');
  const descriptions = new Map((data?.permissions ?? []).map((p) => [p.name, p.description]));

  async function create(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const result = await createRole({ input: { name, permissions: chosen } });
    if (result.error) {
      setFormError(result.error);
      return;
    }
    setName('');
    setChosen([]);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Stack gap="xl">
      <Title order={1}>Roles</Title>
      <ErrorAlert error={error} title="Could not load the roles" />
      <ErrorAlert error={actionError} />
      {deleted.length > 0 && (
        <StatusPanel color="gray" title="Deleted roles">
          <Stack gap="xs">
            {deleted.map((role) => (
              <Group key={role.id} gap="sm">
                <Text size="sm">{role.name} was deleted.</Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={restoring.fetching}
                  onClick={async () => {
                    setActionError(null);
                    const result = await restoreRole({ input: { id: role.id } });
                    if (result.error) setActionError(result.error);
                    else {
                      setDeleted((list) => list.filter((r) => r.id !== role.id));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                >
                  Restore {role.name}
                </Button>
              </Group>
            ))}
          </Stack>
        </StatusPanel>
      )}
      <section aria-labelledby="roles-heading">
        <Title order={2} id="roles-heading" mb="sm">
          Roles and their permissions
        </Title>
        <Table striped aria-label="Roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Permissions</Table.Th>
              {manage && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.roles ?? []).map((role) => (
              <Table.Tr key={role.id}>
                <Table.Th scope="row">
                  {role.name}{' '}
                  <Badge size="xs" variant="outline" color={role.builtIn ? 'gray' : 'blue'}>
                    {role.builtIn ? 'built-in' : 'custom'}
                  </Badge>
                </Table.Th>
                <Table.Td>
                  <Group gap={4}>
                    {role.permissions.map((p) => (
                      <Badge key={p} variant="light" title={descriptions.get(p)}>
                        {p}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    {!role.builtIn && (
                      <ConfirmButton
                        question={`Delete the role ${role.name}?`}
                        aria-label={`Delete the role ${role.name}`}
                        onConfirm={async () => {
                          setActionError(null);
                          const result = await deleteRole({ input: { id: role.id } });
                          if (result.error) setActionError(result.error);
                          else {
                            setDeleted((list) => [...list, { id: role.id, name: role.name }]);
                            refetch({ requestPolicy: 'network-only' });
                          }
                        }}
                      >
                        Delete
                      </ConfirmButton>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      {manage && (
        <section aria-labelledby="new-role-heading">
          <Title order={2} id="new-role-heading" mb="sm">
            Create a custom role
          </Title>
          <Paper withBorder p="md" component="form" onSubmit={create} aria-label="New custom role">
            <Stack>
              <TextInput
                label="Role name"
                description="2 to 40 letters, digits, spaces, - and _; not a built-in name."
                required
                value={name}
                error={fields.name}
                onChange={(e) => setName(e.currentTarget.value)}
                maw={360}
              />
              <Checkbox.Group label="Permissions" value={chosen} onChange={setChosen} error={fields.permissions}>
                <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs">
                  {(data?.permissions ?? []).map((p) => (
                    <Checkbox key={p.name} value={p.name} label={p.name} description={p.description} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <ErrorAlert error={formError} title="Could not create the role" />
              <Group>
                <Button type="submit" loading={creating.fetching}>
                  Create role
                </Button>
              </Group>
            </Stack>
          </Paper>
        </section>
      )}
    </Stack>
  );
}
