import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAccess } from '../access';
import { useSwitchTenant } from '../auth/useSwitchTenant';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../format';
import { graphql } from '../gql';

export const CurrentTenantDocument = graphql(`
  query CurrentTenant {
    tenant {
      id
      name
      slug
      plan
      status
      suspendedReason
      createdAt
      limits {
        maxMembers
        maxItems
        maxForms
      }
    }
  }
`);

function TenantChooser() {
  const { me } = useAccess();
  const switchTenant = useSwitchTenant();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const memberships = me?.memberships ?? [];
  return (
    <Stack>
      <Title order={1}>Choose a tenant</Title>
      <Text>Everything in Trellis happens inside a tenant (an organization). Pick one of yours, or create one.</Text>
      <ErrorAlert error={error} title="Could not switch tenant" />
      {!me ? null : memberships.length === 0 ? (
        <Alert title="You belong to no tenant yet" color="blue">
          Create one, or open the invitation link someone sent you.
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {memberships.map((m) => (
            <Card key={m.tenant.id} withBorder component="section" aria-labelledby={`tenant-${m.tenant.id}`}>
              <Title order={2} size="h4" id={`tenant-${m.tenant.id}`}>
                {m.tenant.name}
              </Title>
              <Text size="sm" c="dimmed">
                {m.tenant.slug} · your role: {m.role}
              </Text>
              {m.tenant.status === 'SUSPENDED' && (
                <Badge color="red" mt="xs">
                  Suspended
                </Badge>
              )}
              <Button
                mt="md"
                loading={busy === m.tenant.id}
                onClick={async () => {
                  setBusy(m.tenant.id);
                  setError(null);
                  try {
                    await switchTenant(m.tenant.id);
                  } catch (err) {
                    setError(err);
                    setBusy(null);
                  }
                }}
                aria-label={`Open ${m.tenant.name}`}
              >
                Open
              </Button>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Group>
        <Button component={Link} to="/tenants/new" variant="default">
          Create a tenant
        </Button>
      </Group>
    </Stack>
  );
}

function TenantOverview() {
  const { role, can, permissions } = useAccess();
  const [{ data, error, fetching }] = useQuery({ query: CurrentTenantDocument });
  const tenant = data?.tenant;
  return (
    <Stack>
      <Title order={1}>{tenant?.name ?? (fetching ? 'Loading…' : 'Tenant')}</Title>
      <ErrorAlert error={error} title="Could not load the tenant" />
      {tenant && (
        <>
          {tenant.status === 'SUSPENDED' && (
            <Alert color="red" title="This tenant is suspended">
              {tenant.suspendedReason ?? 'A platform administrator suspended it.'}
            </Alert>
          )}
          <Table withTableBorder maw={560} aria-label="Tenant details">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Slug</Table.Th>
                <Table.Td>{tenant.slug}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Plan</Table.Th>
                <Table.Td>{tenant.plan}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Status</Table.Th>
                <Table.Td>{tenant.status}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Member limit</Table.Th>
                <Table.Td>{tenant.limits.maxMembers ?? 'unlimited'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Created</Table.Th>
                <Table.Td>{formatTime(tenant.createdAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Your role</Table.Th>
                <Table.Td>{role ?? '—'}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </>
      )}
      <section aria-labelledby="shortcuts">
        <Title order={2} size="h3" id="shortcuts" mb="xs">
          What you can do here
        </Title>
        <List>
          {can('members.read') && (
            <List.Item>
              <Anchor component={Link} to="/members">
                See the members{can('members.invite') ? ' and invite people' : ''}
              </Anchor>
            </List.Item>
          )}
          {can('routing.read') && (
            <List.Item>
              <Anchor component={Link} to="/routing/intents">
                Define intents and their validation rules
              </Anchor>
            </List.Item>
          )}
          {can('emails.route') && (
            <List.Item>
              <Anchor component={Link} to="/routing/route">
                Route an email
              </Anchor>
            </List.Item>
          )}
          {can('audit.read') && (
            <List.Item>
              <Anchor component={Link} to="/audit">
                Read the audit log
              </Anchor>
            </List.Item>
          )}
        </List>
        <Text size="sm" c="dimmed" mt="sm">
          Your permissions: {[...permissions].sort().join(', ') || 'none'}
        </Text>
      </section>
    </Stack>
  );
}

export function HomePage() {
  const { tenantId } = useAccess();
  return tenantId ? <TenantOverview /> : <TenantChooser />;
}
