import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormPanel } from '../../components/FormPanel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusPanel } from '../../components/StatusPanel';
import { Pager } from '../../components/Pager';
import { formatMs, formatTime } from '../../format';
import { usePager } from '../../hooks/usePager';
import { ConfigForm } from './ConfigForm';
import { type ConfigNode, DeleteConfigDocument, RestoreConfigDocument, TestConfigDocument, useConfigs } from './ConfigsOperations';

export function ConfigsPage() {
  const { can } = useAccess();
  const manage = can('connections.manage');
  const pager = usePager();
  const { data, error, fetching, refetch } = useConfigs(pager.after);
  const [editing, setEditing] = useState<ConfigNode | 'new' | null>(null);
  const [tests, setTests] = useState<Record<string, { ok: boolean; latencyMs: number; error?: string | null }>>({});
  const [testing, setTesting] = useState<string | null>(null);
  const [, testConfig] = useMutation(TestConfigDocument);
  const [, deleteConfig] = useMutation(DeleteConfigDocument);
  const [, restoreConfig] = useMutation(RestoreConfigDocument);
  const [actionError, setActionError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const connection = data?.datasourceConfigs;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Datasource configs</Title>
        {manage && <Button onClick={() => setEditing('new')}>New config</Button>}
      </Group>
      {editing !== null && (
        <FormPanel title={editing === 'new' ? 'New datasource config' : `Edit ${editing.name}`}>
          <ConfigForm
            existing={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </FormPanel>
      )}
      <Text size="sm" c="dimmed">
        How to reach each datasource. Credentials are stored encrypted and never shown again.
      </Text>
      <ErrorAlert error={error} title="Could not load the configs" />
      <ErrorAlert error={actionError} />
      {deleted && (
        <StatusPanel color="gray">
          <Group gap="sm">
            <Text size="sm">{deleted.name} was deleted.</Text>
            <Button
              size="xs"
              variant="default"
              onClick={async () => {
                setActionError(null);
                const result = await restoreConfig({ input: { id: deleted.id } });
                if (result.error) setActionError(result.error);
                else {
                  setDeleted(null);
                  refetch({ requestPolicy: 'network-only' });
                }
              }}
            >
              Restore {deleted.name}
            </Button>
          </Group>
        </StatusPanel>
      )}
      {fetching && !data && <Text>Loading…</Text>}
      {connection && connection.edges.length === 0 && <Text>No datasource configs yet.</Text>}
      {connection && connection.edges.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Datasource configs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Protocol</Table.Th>
                <Table.Th scope="col">Address</Table.Th>
                <Table.Th scope="col">Authentication</Table.Th>
                <Table.Th scope="col">Updated</Table.Th>
                {manage && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.edges.map(({ node }) => {
                const test = tests[node.id];
                return (
                  <Table.Tr key={node.id}>
                    <Table.Th scope="row">{node.name}</Table.Th>
                    <Table.Td>
                      {node.protocol}
                      {node.tlsMode && <Text size="xs" c="dimmed">TLS {node.tlsMode}</Text>}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{node.baseUrl ?? '—'}</Table.Td>
                    <Table.Td>
                      {node.authType}{' '}
                      {node.hasCredentials && (
                        <Badge size="xs" variant="outline">
                          credentials stored
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatTime(node.updatedAt)}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(node)} aria-label={`Edit ${node.name}`}>
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            loading={testing === node.id}
                            aria-label={`Test connection of ${node.name}`}
                            onClick={async () => {
                              setTesting(node.id);
                              setActionError(null);
                              const result = await testConfig({ id: node.id });
                              setTesting(null);
                              if (result.error) setActionError(result.error);
                              else if (result.data) setTests((t) => ({ ...t, [node.id]: result.data!.testDatasourceConfig }));
                            }}
                          >
                            Test connection
                          </Button>
                          <ConfirmButton
                            question={`Delete ${node.name}?`}
                            aria-label={`Delete ${node.name}`}
                            onConfirm={async () => {
                              setActionError(null);
                              const result = await deleteConfig({ input: { id: node.id } });
                              if (result.error) setActionError(result.error);
                              else {
                                setDeleted({ id: node.id, name: node.name });
                                refetch({ requestPolicy: 'network-only' });
                              }
                            }}
                          >
                            Delete
                          </ConfirmButton>
                        </Group>
                        {test && (
                          <Text size="sm" c={test.ok ? 'green.8' : 'red.8'} role="status" mt={4}>
                            {test.ok ? `Connected in ${formatMs(test.latencyMs)}.` : `Failed after ${formatMs(test.latencyMs)}: ${test.error ?? 'no reason given'}`}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager
        label="Datasource configs"
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={!!connection?.pageInfo.hasNextPage}
        onPrevious={pager.previous}
        onNext={() => pager.next(connection?.pageInfo.endCursor)}
      />
    </Stack>
  );
}
