import { JsonInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert, FieldErrorList } from '../../components/ErrorAlert';
import { SubmitCancelButtons } from '../../components/SubmitCancelButtons';
import { describeError, otherFieldErrors } from '../../errors';
import type { AuthType, DatasourceTlsMode, Protocol } from '../../gql/graphql';
import { type ConfigNode, CreateConfigDocument, UpdateConfigDocument } from './ConfigsOperations';

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

export function ConfigForm({ existing, onDone }: { existing: ConfigNode | null; onDone: () => void }) {
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
        <SubmitCancelButtons submitLabel={existing ? 'Save changes' : 'Create config'} saving={creating.fetching || updating.fetching} onCancel={onDone} />
      </Stack>
    </form>
  );
}
