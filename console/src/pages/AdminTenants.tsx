import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../access';
import { PagedList } from '../components/PagedList';
import { formatTime } from '../format';
import { graphql } from '../gql';
import { type ListActions, useListActions } from '../hooks/useListActions';
import { usePagedList } from '../hooks/usePagedList';

export const AdminTenantsDocument = graphql(`
  query AdminTenants($first: Int, $after: String) {
    adminTenants(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          slug
          plan
          status
          suspendedReason
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SuspendTenantDocument = graphql(`
  mutation SuspendTenant($input: SuspendTenantInput!) {
    suspendTenant(input: $input) {
      tenant {
        id
        status
        suspendedReason
      }
    }
  }
`);

export const ReactivateTenantDocument = graphql(`
  mutation ReactivateTenant($input: ReactivateTenantInput!) {
    reactivateTenant(input: $input) {
      tenant {
        id
        status
        suspendedReason
      }
    }
  }
`);

function SuspendControl({ id, name, change }: { id: string; name: string; change: ListActions['change'] }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [state, suspend] = useMutation(SuspendTenantDocument);
  if (!asking) {
    return (
      <Button size="xs" color="red" variant="light" onClick={() => setAsking(true)} aria-label={`Suspend ${name}`}>
        Suspend
      </Button>
    );
  }
  return (
    <Group gap={4} align="flex-end" role="group" aria-label={`Suspend ${name}`}>
      <TextInput size="xs" label="Reason shown to its members" maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <Button
        size="xs"
        color="red"
        loading={state.fetching}
        onClick={async () => {
          await change(() => suspend({ input: { tenantId: id, reason: reason.trim() || undefined } }));
          setAsking(false);
        }}
      >
        Suspend {name}
      </Button>
      <Button size="xs" variant="default" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </Group>
  );
}

export function AdminTenantsPage() {
  const { me } = useAccess();
  const list = usePagedList({ query: AdminTenantsDocument, connection: (data) => data.adminTenants, pause: !me?.isPlatformAdmin });
  const [reactivating, reactivate] = useMutation(ReactivateTenantDocument);
  const actions = useListActions({ onChanged: list.reload });

  if (!me?.isPlatformAdmin) {
    return (
      <Alert title="Platform administrators only" color="yellow">
        Only platform administrators can list every tenant.
      </Alert>
    );
  }

  return (
    <Stack>
      <Title order={1}>All tenants</Title>
      <PagedList
        list={list}
        label="Tenants"
        loadErrorTitle="Could not load the tenants"
        actions={actions}
        empty="No tenants yet. Create one with Create tenant in the header; every tenant is listed here."
      >
        {(tenants) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="All tenants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Slug</Table.Th>
                  <Table.Th scope="col">Plan</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tenants.map((node) => (
                  <Table.Tr key={node.id}>
                    <Table.Th scope="row">{node.name}</Table.Th>
                    <Table.Td>{node.slug}</Table.Td>
                    <Table.Td>{node.plan}</Table.Td>
                    <Table.Td>
                      <Badge color={node.status === 'ACTIVE' ? 'green' : 'red'} variant="light">
                        {node.status}
                      </Badge>
                      {node.suspendedReason && <Text size="xs">{node.suspendedReason}</Text>}
                    </Table.Td>
                    <Table.Td>{formatTime(node.createdAt)}</Table.Td>
                    <Table.Td>
                      {node.status === 'ACTIVE' ? (
                        <SuspendControl id={node.id} name={node.name} change={actions.change} />
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          loading={reactivating.fetching}
                          aria-label={`Reactivate ${node.name}`}
                          onClick={async () => {
                            await actions.change(() => reactivate({ input: { tenantId: node.id } }));
                          }}
                        >
                          Reactivate
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
    </Stack>
  );
}
