import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { PagedList } from '../../components/PagedList';
import { RecordFormPanel } from '../../components/RecordFormPanel';
import { RecordTable } from '../../components/RecordTable';
import { formatMs, formatTime } from '../../format';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';
import { useRecordForm } from '../../hooks/useRecordForm';
import { ConfigForm } from './ConfigForm';
import { type ConfigNode, ConfigsDocument, DeleteConfigDocument, RestoreConfigDocument, TestConfigDocument } from './ConfigsOperations';

export function ConfigsPage() {
  const { can } = useAccess();
  const manage = can('connections.manage');
  const list = usePagedList({ query: ConfigsDocument, connection: (data) => data.datasourceConfigs });
  const form = useRecordForm<ConfigNode>(list.reload);
  const [tests, setTests] = useState<Record<string, { ok: boolean; latencyMs: number; error?: string | null }>>({});
  const [testing, setTesting] = useState<string | null>(null);
  const [, testConfig] = useMutation(TestConfigDocument);
  const [, deleteConfig] = useMutation(DeleteConfigDocument);
  const [, restoreConfig] = useMutation(RestoreConfigDocument);
  const actions = useListActions({ onChanged: list.reload, restore: (id) => restoreConfig({ input: { id } }) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Datasource configs</Title>
        {manage && <Button onClick={form.openNew}>New config</Button>}
      </Group>
      <RecordFormPanel form={form} newTitle="New datasource config" editTitle={(config) => `Edit ${config.name}`}>
        {(config, close) => <ConfigForm existing={config} onDone={close} />}
      </RecordFormPanel>
      <Text size="sm" c="dimmed">
        How to reach each datasource. Credentials are stored encrypted and never shown again.
      </Text>
      <PagedList
        list={list}
        label="Datasource configs"
        loadErrorTitle="Could not load the configs"
        actions={actions}
        empty={
          manage
            ? 'No datasource configs yet. Add one with New config: every datasource connects through one.'
            : 'No datasource configs yet. Ask an administrator to add one: every datasource connects through one.'
        }
      >
        {(configs) => (
          <RecordTable label="Datasource configs" columns={['Name', 'Protocol', 'Address', 'Authentication', 'Updated']} withActions={manage} minWidth={760}>
            {configs.map((node) => {
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
                      <EditDeleteActions
                        name={node.name}
                        onEdit={() => form.openEdit(node)}
                        onDelete={() => actions.remove(node, () => deleteConfig({ input: { id: node.id } }))}
                      >
                        <Button
                          size="xs"
                          variant="light"
                          loading={testing === node.id}
                          aria-label={`Test connection of ${node.name}`}
                          onClick={async () => {
                            setTesting(node.id);
                            const result = await actions.run(() => testConfig({ id: node.id }));
                            setTesting(null);
                            if (result) setTests((t) => ({ ...t, [node.id]: result.testDatasourceConfig }));
                          }}
                        >
                          Test connection
                        </Button>
                      </EditDeleteActions>
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
          </RecordTable>
        )}
      </PagedList>
    </Stack>
  );
}
