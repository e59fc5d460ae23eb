import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormPanel } from '../../components/FormPanel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cleanMatchers, MatchersEditor } from '../../components/MatchersEditor';
import { PagedList } from '../../components/PagedList';
import { RecordTable } from '../../components/RecordTable';
import { SubmitCancelButtons } from '../../components/SubmitCancelButtons';
import { describeError } from '../../errors';
import { formatTime } from '../../format';
import { graphql } from '../../gql';
import type { IntentFilter, MatcherInput } from '../../gql/graphql';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';

export const IntentsDocument = graphql(`
  query Intents($first: Int, $after: String, $filter: IntentFilter) {
    intents(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
          description
          priority
          isActive
          updatedAt
          matchers {
            field
            header
            operator
            value
          }
          rules {
            id
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

export const CreateIntentDocument = graphql(`
  mutation CreateIntent($input: CreateIntentInput!) {
    createIntent(input: $input) {
      intent {
        id
        name
      }
    }
  }
`);

export const DeleteIntentDocument = graphql(`
  mutation DeleteIntent($input: DeleteIntentInput!) {
    deleteIntent(input: $input) {
      deletedId
      deletedRuleIds
    }
  }
`);

export const RestoreIntentDocument = graphql(`
  mutation RestoreIntent($input: RestoreIntentInput!) {
    restoreIntent(input: $input) {
      intent {
        id
        name
      }
      restoredRuleIds
    }
  }
`);

function NewIntentForm({ onDone }: { onDone: (id?: string) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<number>(0);
  const [isActive, setIsActive] = useState(true);
  const [matchers, setMatchers] = useState<MatcherInput[]>([{ field: 'TO', operator: 'ENDS_WITH', value: '' }]);
  const [state, create] = useMutation(CreateIntentDocument);
  const [error, setError] = useState<unknown>(null);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await create({ input: { name, description: description || undefined, priority, isActive, matchers: cleanMatchers(matchers) } });
    if (result.error) return setError(result.error);
    onDone(result.data?.createIntent.intent.id);
  }

  return (
    <form onSubmit={submit} aria-label="New intent" noValidate>
      <Stack>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} />
        <Group>
          <NumberInput label="Priority" description="Higher is tried first." value={priority} onChange={(v) => setPriority(typeof v === 'number' ? v : Number(v) || 0)} error={fields.priority} w={200} />
          <Checkbox label="Active" mt="lg" checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
        </Group>
        <MatchersEditor value={matchers} onChange={setMatchers} errors={fields} />
        <ErrorAlert error={error} title="Could not create the intent" />
        <SubmitCancelButtons submitLabel="Create intent" saving={state.fetching} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}

export function IntentsPage() {
  const { can } = useAccess();
  const manage = can('routing.manage');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState<string>('all');
  const [filter, setFilter] = useState<IntentFilter | null>(null);
  const list = usePagedList({ query: IntentsDocument, variables: { filter }, connection: (data) => data.intents });
  const [creating, setCreating] = useState(false);
  const [, deleteIntent] = useMutation(DeleteIntentDocument);
  const [, restoreIntent] = useMutation(RestoreIntentDocument);
  const actions = useListActions({ onChanged: list.reload, restore: (id) => restoreIntent({ input: { id } }) });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: IntentFilter = {};
    if (text.trim()) next.text = text.trim();
    if (active !== 'all') next.active = active === 'active';
    setFilter(Object.keys(next).length > 0 ? next : null);
    list.reset();
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Intents</Title>
        {manage && <Button onClick={() => setCreating(true)}>New intent</Button>}
      </Group>
      {creating && (
        <FormPanel title={'New intent'}>
          <NewIntentForm
            onDone={(id) => {
              setCreating(false);
              if (id) navigate(`/routing/intents/${id}`);
            }}
          />
        </FormPanel>
      )}
      <Text size="sm" c="dimmed">
        Routing tries active intents from the highest priority down and picks the first with a matching matcher; its rules then check the email.
      </Text>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Filter intents">
        <Group align="flex-end">
          <TextInput label="Name or description contains" value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Select
            label="State"
            data={[
              { value: 'all', label: 'Active and inactive' },
              { value: 'active', label: 'Active only' },
              { value: 'inactive', label: 'Inactive only' },
            ]}
            value={active}
            allowDeselect={false}
            onChange={(v) => v && setActive(v)}
          />
          <Button type="submit">Apply filters</Button>
        </Group>
      </Paper>
      <PagedList
        list={list}
        label="Intents"
        loadErrorTitle="Could not load the intents"
        actions={actions}
        deletedMessage={({ name }) => `${name} was deleted with its rules.`}
        empty={
          filter
            ? 'No intents match these filters. Change or empty them, then apply them again.'
            : manage
              ? 'No intents yet. Create one with New intent: routing sends each email to the first intent whose matchers fit.'
              : 'No intents yet. Someone who manages routing can create them.'
        }
      >
        {(intents) => (
          <RecordTable label="Intents" columns={['Name', 'Priority', 'State', 'Matchers', 'Rules', 'Updated']} withActions={manage} minWidth={720}>
            {intents.map((node) => (
              <Table.Tr key={node.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/routing/intents/${node.id}`}>
                    {node.name}
                  </Anchor>
                  {node.description && <Text size="xs" c="dimmed" fw={400}>{node.description}</Text>}
                </Table.Th>
                <Table.Td>{node.priority}</Table.Td>
                <Table.Td>
                  <Badge color={node.isActive ? 'green' : 'gray'} variant="light">
                    {node.isActive ? 'active' : 'inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {node.matchers.map((m, i) => (
                    <Text key={i} size="xs">
                      {m.field}
                      {m.header ? `(${m.header})` : ''} {m.operator} “{m.value}”
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{node.rules.length}</Table.Td>
                <Table.Td>{formatTime(node.updatedAt)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <ConfirmButton
                      question={`Delete ${node.name} and its rules?`}
                      aria-label={`Delete ${node.name}`}
                      onConfirm={() => actions.remove(node, () => deleteIntent({ input: { id: node.id } }))}
                    >
                      Delete
                    </ConfirmButton>
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
