import { Button, FileInput, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { RecordFormPanel } from '../../components/RecordFormPanel';
import { RecordTable } from '../../components/RecordTable';
import { SubmitCancelButtons } from '../../components/SubmitCancelButtons';
import { describeError } from '../../errors';
import { formatTime } from '../../format';
import { graphql } from '../../gql';
import type { DatasourceKind, DatasourcesQuery, DeleteDatasourceMutation, Protocol } from '../../gql/graphql';
import { truncatedNote, useAllPages } from '../../hooks/useAllPages';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';
import { useRecordForm } from '../../hooks/useRecordForm';

export const DatasourcesDocument = graphql(`
  query Datasources($first: Int, $after: String) {
    datasources(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          description
          connectionKey
          updatedAt
          file {
            filename
            sizeBytes
            rowCount
            columns
            uploadedAt
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ConfigChoicesDocument = graphql(`
  query ConfigChoices($first: Int, $after: String) {
    datasourceConfigs(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          protocol
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateDatasourceDocument = graphql(`
  mutation CreateDatasource($input: CreateDatasourceInput!) {
    createDatasource(input: $input) {
      datasource {
        id
        name
      }
    }
  }
`);

export const UpdateDatasourceDocument = graphql(`
  mutation UpdateDatasource($input: UpdateDatasourceInput!) {
    updateDatasource(input: $input) {
      datasource {
        id
        name
        description
        connectionKey
        updatedAt
        file {
          filename
          sizeBytes
          rowCount
          columns
          uploadedAt
        }
      }
    }
  }
`);

export const DeleteDatasourceDocument = graphql(`
  mutation DeleteDatasource($input: DeleteDatasourceInput!) {
    deleteDatasource(input: $input) {
      deletedId
      deletedRuleIds
    }
  }
`);

export const RestoreDatasourceDocument = graphql(`
  mutation RestoreDatasource($input: RestoreDatasourceInput!) {
    restoreDatasource(input: $input) {
      datasource {
        id
        name
      }
      restoredRuleIds
    }
  }
`);

type DatasourceNode = DatasourcesQuery['datasources']['edges'][number]['node'];

const KINDS: DatasourceKind[] = ['DATABASE', 'API', 'FILE'];

/** The config protocols a datasource kind can use. */
export function protocolsFor(kind: DatasourceKind): Protocol[] {
  if (kind === 'DATABASE') return ['POSTGRESQL', 'MYSQL', 'SQLITE'];
  if (kind === 'API') return ['HTTP'];
  return ['FILE'];
}

function DatasourceForm({ existing, onDone }: { existing: DatasourceNode | null; onDone: () => void }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<DatasourceKind>(existing?.kind ?? 'DATABASE');
  const [connectionKey, setConnectionKey] = useState<string | null>(existing?.connectionKey ?? null);
  const [description, setDescription] = useState(existing?.description ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const configs = useAllPages({ query: ConfigChoicesDocument, connection: (data) => data.datasourceConfigs });
  const [creating, create] = useMutation(CreateDatasourceDocument);
  const [updating, update] = useMutation(UpdateDatasourceDocument);
  const fields = error ? describeError(error).fields : {};
  const choices = (configs.nodes ?? [])
    .filter((c) => protocolsFor(kind).includes(c.protocol))
    .map((c) => ({ value: c.name, label: `${c.name} (${c.protocol})` }));
  if (connectionKey && !choices.some((c) => c.value === connectionKey)) choices.unshift({ value: connectionKey, label: connectionKey });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (existing) {
      const input: Parameters<typeof update>[0]['input'] = { id: existing.id };
      if (name !== existing.name) input.name = name;
      if (connectionKey && connectionKey !== existing.connectionKey) input.connectionKey = connectionKey;
      if (description !== (existing.description ?? '')) input.description = description;
      if (file) input.file = file;
      const result = await update({ input });
      if (result.error) return setError(result.error);
    } else {
      const result = await create({
        input: {
          name,
          kind,
          connectionKey: connectionKey ?? '',
          description: description || undefined,
          file: kind === 'FILE' && file ? file : undefined,
        },
      });
      if (result.error) return setError(result.error);
    }
    onDone();
  }

  return (
    <form onSubmit={submit} aria-label={existing ? `Edit ${existing.name}` : 'New datasource'} noValidate>
      <Stack>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
        <Select
          label="Kind"
          description={existing ? 'Fixed at creation.' : 'Decides the configs it can use.'}
          data={KINDS}
          value={kind}
          disabled={!!existing}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            setKind(value as DatasourceKind);
            setConnectionKey(null);
          }}
          error={fields.kind}
        />
        <ErrorAlert error={configs.error} title="Could not load the configs to choose from" />
        <Select
          label="Connection (datasource config)"
          placeholder={configs.fetching ? 'Loading the configs…' : choices.length === 0 ? 'No config of a fitting protocol yet' : 'Choose a config'}
          description={
            configs.nodes && !configs.fetching && choices.length === 0
              ? `Add a ${protocolsFor(kind).join(', ')} config on the Datasource configs page first.`
              : truncatedNote(configs.truncated, 'configs')
          }
          data={choices}
          value={connectionKey}
          onChange={setConnectionKey}
          error={fields.connectionKey}
          required
        />
        <Textarea label="Description" description="What it holds, for the people writing rules." autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} />
        {kind === 'FILE' && (
          <FileInput
            label={existing?.file ? 'Replace the CSV' : 'CSV file'}
            description="UTF-8, with a header row, at most 10 MiB."
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={setFile}
            error={fields.file}
          />
        )}
        <ErrorAlert error={error} title="Could not save the datasource" />
        <SubmitCancelButtons submitLabel={existing ? 'Save changes' : 'Create datasource'} saving={creating.fetching || updating.fetching} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function DatasourcesPage() {
  const { can } = useAccess();
  const manage = can('routing.manage');
  const list = usePagedList({ query: DatasourcesDocument, connection: (data) => data.datasources });
  const form = useRecordForm<DatasourceNode>(list.reload);
  const [, deleteDatasource] = useMutation(DeleteDatasourceDocument);
  const [, restoreDatasource] = useMutation(RestoreDatasourceDocument);
  const actions = useListActions<DeleteDatasourceMutation>({ onChanged: list.reload, restore: (id) => restoreDatasource({ input: { id } }) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Datasources</Title>
        {manage && <Button onClick={form.openNew}>New datasource</Button>}
      </Group>
      <RecordFormPanel form={form} newTitle="New datasource" editTitle={(datasource) => `Edit ${datasource.name}`}>
        {(datasource, close) => <DatasourceForm existing={datasource} onDone={close} />}
      </RecordFormPanel>
      <PagedList
        list={list}
        label="Datasources"
        loadErrorTitle="Could not load the datasources"
        actions={actions}
        deletedMessage={({ name, result }) => {
          const rules = result.deleteDatasource.deletedRuleIds.length;
          return `${name} was deleted${rules > 0 ? `, with ${rules} rule(s) that queried it` : ''}.`;
        }}
        empty={
          manage
            ? 'No datasources yet. Add one with New datasource: validation rules look emails up in them.'
            : 'No datasources yet. Someone who manages routing can add them: validation rules look emails up in them.'
        }
      >
        {(datasources) => (
          <RecordTable label="Datasources" columns={['Name', 'Kind', 'Connection', 'File', 'Updated']} withActions={manage} minWidth={760}>
            {datasources.map((node) => (
              <Table.Tr key={node.id}>
                <Table.Th scope="row">
                  {node.name}
                  {node.description && <Text size="xs" c="dimmed" fw={400}>{node.description}</Text>}
                </Table.Th>
                <Table.Td>{node.kind}</Table.Td>
                <Table.Td>{node.connectionKey}</Table.Td>
                <Table.Td>
                  {node.file ? (
                    <>
                      {node.file.filename} · {node.file.rowCount} rows
                      <Text size="xs" c="dimmed">Columns: {node.file.columns.join(', ')}</Text>
                    </>
                  ) : node.kind === 'FILE' ? (
                    'No CSV uploaded yet'
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{formatTime(node.updatedAt)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <EditDeleteActions
                      name={node.name}
                      onEdit={() => form.openEdit(node)}
                      deleteQuestion={`Delete ${node.name} and the rules that query it?`}
                      onDelete={() => actions.remove(node, () => deleteDatasource({ input: { id: node.id } }))}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </PagedList>
    </Stack>
  );
}
