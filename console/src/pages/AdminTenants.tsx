import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../access';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { formatTime } from '../format';
import { graphql } from '../gql';
import { PAGE_SIZE, usePager } from '../hooks/usePager';

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

function SuspendControl({ id, name, onDone }: { id: string; name: string; onDone: (error?: unknown) => void }) {
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
          const result = await suspend({ input: { tenantId: id, reason: reason.trim() || undefined } });
          setAsking(false);
          onDone(result.error);
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
  const pager = usePager();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AdminTenantsDocument,
    variables: { first: PAGE_SIZE, after: pager.after },
    pause: !me?.isPlatformAdmin,
  });
  const [reactivating, reactivate] = useMutation(ReactivateTenantDocument);
  const [actionError, setActionError] = useState<unknown>(null);
  const connection = data?.adminTenants;

  if (!me?.isPlatformAdmin) {
    return (
      <Alert title="Platform administrators only" color="yellow">
        Only platform administrators can list every tenant.
      </Alert>
    );
  }

  const done = (err?: unknown) => {
    setActionError(err ?? null);
    if (!err) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Title order={1}>All tenants</Title>
      <ErrorAlert error={error} title="Could not load the tenants" />
      <ErrorAlert error={actionError} />
      {fetching && !data && <Text>Loading…</Text>}
      {connection && connection.edges.length > 0 && (
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
              {connection.edges.map(({ node }) => (
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
                      <SuspendControl id={node.id} name={node.name} onDone={done} />
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        loading={reactivating.fetching}
                        aria-label={`Reactivate ${node.name}`}
                        onClick={async () => {
                          const result = await reactivate({ input: { tenantId: node.id } });
                          done(result.error);
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
      <Pager
        label="Tenants"
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={!!connection?.pageInfo.hasNextPage}
        onPrevious={pager.previous}
        onNext={() => pager.next(connection?.pageInfo.endCursor)}
      />
    </Stack>
  );
}
