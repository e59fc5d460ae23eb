import { Alert, Badge, Button, Group, JsonInput, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormPanel } from '../../components/FormPanel';
import { ErrorAlert, FieldErrorList } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { describeError, otherFieldErrors } from '../../errors';
import { formatMs, formatTime } from '../../format';
import { graphql } from '../../gql';
import type { AuthType, DatasourceTlsMode, Protocol } from '../../gql/graphql';
import { PAGE_SIZE, usePager } from '../../hooks/usePager';

export const ConfigsDocument = graphql(`
  query DatasourceConfigs($first: Int, $after: String) {
    datasourceConfigs(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          protocol
          baseUrl
          authType
          hasCredentials
          connection
          tlsMode
          createdAt
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateConfigDocument = graphql(`
  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {
    createDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
      }
    }
  }
`);

export const UpdateConfigDocument = graphql(`
  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {
    updateDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
        baseUrl
        authType
        hasCredentials
        connection
        tlsMode
        updatedAt
      }
    }
  }
`);

export const DeleteConfigDocument = graphql(`
  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {
    deleteDatasourceConfig(input: $input) {
      deletedId
    }
  }
`);

export const RestoreConfigDocument = graphql(`
  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {
    restoreDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
      }
    }
  }
`);

export const TestConfigDocument = graphql(`
  mutation TestDatasourceConfig($id: ID!) {
    testDatasourceConfig(id: $id) {
      ok
      latencyMs
      error
    }
  }
`);

const PROTOCOLS: Protocol[] = ['POSTGRESQL', 'MYSQL', 'SQLITE', 'HTTP', 'FILE'];
const TLS_MODES: DatasourceTlsMode[] = ['VERIFY_FULL', 'REQUIRE', 'DISABLE'];

/** The auth types each protocol takes. */
export function authTypesFor(protocol: Protocol): AuthType[] {
  if (protocol === 'HTTP') return ['NONE', 'BASIC', 'BEARER', 'API_KEY'];
  if (protocol === 'POSTGRESQL' || protocol === 'MYSQL') return ['NONE', 'BASIC'];
  return ['NONE'];
}

const BASE_URL_HINT: Record<Protocol, string> = {
  POSTGRESQL: 'postgres://host:5432/database, without credentials',
  MYSQL: 'mysql://host:3306/database, without credentials',
  SQLITE: "A file path relative to the tenant's own datasource directory, e.g. crm.db",
  HTTP: 'The http(s):// address paths are relative to',
  FILE: '',
};

type ConfigNode = NonNullable<ReturnType<typeof useConfigs>['data']>['datasourceConfigs']['edges'][number]['node'];

function useConfigs(after: string | null) {
  const [result, refetch] = useQuery({ query: ConfigsDocument, variables: { first: PAGE_SIZE, after } });
  return { ...result, refetch };
}

interface Credentials {
  username: string;
  password: string;
  token: string;
  key: string;
  header: string;
}
const EMPTY_CREDENTIALS: Credentials = { username: '', password: '', token: '', key: '', header: '' };

/** The write-only `authConfig` from what was typed; `null` when nothing
 * was (which on an edit means "keep the stored credentials"). */
export function authConfigFrom(authType: AuthType, c: Credentials): Record<string, string> | null {
  const pick = (entries: [string, string][]) => {
    const filled = entries.filter(([, v]) => v !== '');
    return filled.length > 0 ? Object.fromEntries(filled) : null;
  };
  switch (authType) {
    case 'BASIC':
      return pick([['username', c.username], ['password', c.password]]);
    case 'BEARER':
      return pick([['token', c.token]]);
    case 'API_KEY':
      return pick([['key', c.key], ['header', c.header]]);
    default:
      return null;
  }
}

const FORM_FIELDS = ['name', 'protocol', 'baseUrl', 'authType', 'authConfig', 'connection', 'tlsMode'];

function ConfigForm({ existing, onDone }: { existing: ConfigNode | null; onDone: () => void }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [protocol, setProtocol] = useState<Protocol>(existing?.protocol ?? 'POSTGRESQL');
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? '');
  const [authType, setAuthType] = useState<AuthType>(existing?.authType ?? 'NONE');
  const [tlsMode, setTlsMode] = useState<DatasourceTlsMode>(existing?.tlsMode ?? 'VERIFY_FULL');
  const [connection, setConnection] = useState(existing ? JSON.stringify(existing.connection, null, 2) : '');
  const [credentials, setCredentials] = useState<Credentials>(EMPTY_CREDENTIALS);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [creating, create] = useMutation(CreateConfigDocument);
  const [updating, update] = useMutation(UpdateConfigDocument);
  const fields = error ? describeError(error).fields : {};
  const credentialError = (key: string) => fields[`authConfig.${key}`] ?? (key === 'username' || key === 'token' || key === 'key' ? fields.authConfig : undefined);
  const sql = protocol === 'POSTGRESQL' || protocol === 'MYSQL';
  const keepHint = existing?.hasCredentials ? 'Stored and never shown. Leave empty to keep it.' : undefined;
  const setCredential = (key: keyof Credentials, value: string) => setCredentials((c) => ({ ...c, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setLocalError(null);
    let connectionValue: unknown = undefined;
    if (connection.trim()) {
      try {
        connectionValue = JSON.parse(connection);
      } catch {
        setLocalError('Connection options are not valid JSON.');
        return;
      }
    }
    const authConfig = authConfigFrom(authType, credentials);
    if (existing) {
      const input: Parameters<typeof update>[0]['input'] = { id: existing.id };
      if (name !== existing.name) input.name = name;
      if (protocol !== 'FILE' && baseUrl !== (existing.baseUrl ?? '')) input.baseUrl = baseUrl;
      if (authType !== existing.authType) input.authType = authType;
      if (authConfig) input.authConfig = authConfig;
      if (sql && tlsMode !== existing.tlsMode) input.tlsMode = tlsMode;
      if (connectionValue !== undefined && JSON.stringify(connectionValue) !== JSON.stringify(existing.connection)) input.connection = connectionValue;
      const result = await update({ input });
      if (result.error) return setError(result.error);
    } else {
      const result = await create({
        input: {
          name,
          protocol,
          baseUrl: protocol === 'FILE' ? undefined : baseUrl,
          authType,
          authConfig: authConfig ?? undefined,
          connection: connectionValue,
          tlsMode: sql ? tlsMode : undefined,
        },
      });
      if (result.error) return setError(result.error);
    }
    onDone();
  }

  return (
    <form onSubmit={submit} aria-label={existing ? `Edit ${existing.name}` : 'New datasource config'} noValidate>
      <Stack>
        <TextInput label="Name" description="Datasources name it as their connection key." required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
        <Select
          label="Protocol"
          description={existing ? 'Fixed at creation.' : undefined}
          data={PROTOCOLS}
          value={protocol}
          disabled={!!existing}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            const next = value as Protocol;
            setProtocol(next);
            if (!authTypesFor(next).includes(authType)) setAuthType('NONE');
          }}
          error={fields.protocol}
        />
        {protocol !== 'FILE' && (
          <TextInput label="Address" description={BASE_URL_HINT[protocol]} value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} error={fields.baseUrl} />
        )}
        {sql && (
          <Select
            label="TLS mode"
            data={TLS_MODES}
            value={tlsMode}
            allowDeselect={false}
            onChange={(value) => value && setTlsMode(value as DatasourceTlsMode)}
            error={fields.tlsMode}
          />
        )}
        <Select
          label="Authentication"
          data={authTypesFor(protocol)}
          value={authType}
          allowDeselect={false}
          onChange={(value) => value && setAuthType(value as AuthType)}
          error={fields.authType}
        />
        {authType === 'BASIC' && (
          <SimpleGrid cols={2}>
            <TextInput label="Username" autoComplete="off" description={keepHint} value={credentials.username} onChange={(e) => setCredential('username', e.currentTarget.value)} error={credentialError('username')} />
            <PasswordInput label="Password" autoComplete="new-password" description={keepHint} value={credentials.password} onChange={(e) => setCredential('password', e.currentTarget.value)} error={credentialError('password')} />
          </SimpleGrid>
        )}
        {authType === 'BEARER' && (
          <PasswordInput label="Bearer token" autoComplete="off" description={keepHint} value={credentials.token} onChange={(e) => setCredential('token', e.currentTarget.value)} error={credentialError('token')} />
        )}
        {authType === 'API_KEY' && (
          <SimpleGrid cols={2}>
            <PasswordInput label="API key" autoComplete="off" description={keepHint} value={credentials.key} onChange={(e) => setCredential('key', e.currentTarget.value)} error={credentialError('key')} />
            <TextInput label="Header name" placeholder="X-Api-Key" value={credentials.header} onChange={(e) => setCredential('header', e.currentTarget.value)} error={credentialError('header')} />
          </SimpleGrid>
        )}
        <JsonInput
          label="Connection options (JSON)"
          description="poolSize (1-20), connectTimeoutMs, statementTimeoutMs (100-30000), maxResponseBytes, headers. Empty keeps the defaults."
          autosize
          minRows={2}
          value={connection}
          onChange={setConnection}
          error={localError ?? fields.connection}
        />
        <FieldErrorList
          fields={Object.fromEntries(
            Object.entries(otherFieldErrors(fields, FORM_FIELDS)).filter(([key]) => !/^authConfig\.(username|password|token|key|header)$/.test(key)),
          )}
        />
        <ErrorAlert error={error} title="Could not save the config" />
        <Group>
          <Button type="submit" loading={creating.fetching || updating.fetching}>
            {existing ? 'Save changes' : 'Create config'}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

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
        <Alert color="gray" role="status">
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
        </Alert>
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
