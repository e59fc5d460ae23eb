import { Anchor, Badge, Button, Checkbox, Code, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cleanMatchers, MatchersEditor } from '../../components/MatchersEditor';
import { type RuleDatasource, RuleEditor, type RuleSpec } from '../../components/RuleEditor';
import { describeError } from '../../errors';
import { stableJson } from '../../diff';
import { graphql } from '../../gql';
import type { IntentQuery, MatcherInput } from '../../gql/graphql';

export const IntentDocument = graphql(`
  query Intent($id: ID!) {
    intent(id: $id) {
      id
      name
      description
      priority
      isActive
      createdAt
      updatedAt
      matchers {
        field
        header
        operator
        value
      }
      rules {
        id
        datasourceId
        fieldName
        ruleType
        conditions
        priority
        isActive
        datasource {
          id
          name
          kind
        }
      }
    }
  }
`);

export const RuleDatasourcesDocument = graphql(`
  query RuleDatasources {
    datasources(first: 100) {
      edges {
        node {
          id
          name
          kind
          file {
            columns
          }
        }
      }
    }
  }
`);

export const UpdateIntentDocument = graphql(`
  mutation UpdateIntent($input: UpdateIntentInput!) {
    updateIntent(input: $input) {
      intent {
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
      }
    }
  }
`);

export const CreateRuleDocument = graphql(`
  mutation CreateValidationRule($input: CreateValidationRuleInput!) {
    createValidationRule(input: $input) {
      rule {
        id
      }
    }
  }
`);

export const UpdateRuleDocument = graphql(`
  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {
    updateValidationRule(input: $input) {
      rule {
        id
        datasourceId
        fieldName
        ruleType
        conditions
        priority
        isActive
      }
    }
  }
`);

export const DeleteRuleDocument = graphql(`
  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {
    deleteValidationRule(input: $input) {
      deletedId
    }
  }
`);

export const ReorderRulesDocument = graphql(`
  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {
    reorderValidationRules(input: $input) {
      rules {
        id
      }
    }
  }
`);

type IntentNode = IntentQuery['intent'];

function IntentForm({ intent, canManage }: { intent: IntentNode; canManage: boolean }) {
  const [name, setName] = useState(intent.name);
  const [description, setDescription] = useState(intent.description ?? '');
  const [priority, setPriority] = useState(intent.priority);
  const [isActive, setIsActive] = useState(intent.isActive);
  const [matchers, setMatchers] = useState<MatcherInput[]>(intent.matchers.map((m) => ({ ...m })));
  const [state, update] = useMutation(UpdateIntentDocument);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const result = await update({
      input: { id: intent.id, name, description, priority, isActive, matchers: cleanMatchers(matchers) },
    });
    if (result.error) setError(result.error);
    else setSaved(true);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Intent settings">
      <Stack>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} readOnly={!canManage} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} readOnly={!canManage} />
        <Group>
          <NumberInput label="Priority" value={priority} onChange={(v) => setPriority(typeof v === 'number' ? v : Number(v) || 0)} error={fields.priority} w={200} readOnly={!canManage} />
          <Checkbox label="Active" mt="lg" checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} disabled={!canManage} />
        </Group>
        <MatchersEditor value={matchers} onChange={setMatchers} errors={fields} />
        <ErrorAlert error={error} title="Could not save the intent" />
        {saved && (
          <Text c="green.8" size="sm" role="status">
            Saved.
          </Text>
        )}
        {canManage && (
          <Group>
            <Button type="submit" loading={state.fetching}>
              Save intent
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function useRuleDatasources(): RuleDatasource[] {
  const [{ data }] = useQuery({ query: RuleDatasourcesDocument });
  return (data?.datasources.edges ?? []).map(({ node }) => ({ id: node.id, name: node.name, kind: node.kind, columns: node.file?.columns ?? [] }));
}

/** Saves one rule and keeps the server's field errors for the editor. */
function useRuleSave(save: (spec: RuleSpec) => Promise<{ error?: unknown }>, onSaved: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  async function submit(spec: RuleSpec) {
    setSaving(true);
    setError(null);
    const result = await save(spec);
    setSaving(false);
    if (result.error) setError(result.error);
    else onSaved();
  }
  return { error, saving, fields: error ? describeError(error).fields : {}, submit };
}

function RuleRow({
  rule,
  index,
  count,
  datasources,
  canManage,
  onMove,
  onChanged,
}: {
  rule: IntentNode['rules'][number];
  index: number;
  count: number;
  datasources: RuleDatasource[];
  canManage: boolean;
  onMove: (from: number, to: number) => void;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [, updateRule] = useMutation(UpdateRuleDocument);
  const [deleting, deleteRule] = useMutation(DeleteRuleDocument);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const save = useRuleSave(
    (spec) => updateRule({ input: { id: rule.id, ...spec } }),
    () => {
      setEditing(false);
      onChanged();
    },
  );
  const n = index + 1;
  return (
    <Paper withBorder p="sm" component="li" aria-label={`Rule ${n}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} size="h5">
              Rule {n}: {rule.ruleType} on <code>{rule.fieldName}</code>
            </Title>
            <Badge variant="light" color={rule.isActive ? 'green' : 'gray'}>
              {rule.isActive ? 'active' : 'inactive'}
            </Badge>
          </Group>
          <Text size="sm">
            Queries {rule.datasource.name} ({rule.datasource.kind}) · priority {rule.priority}
          </Text>
          <Code block>{stableJson(rule.conditions)}</Code>
        </Stack>
        {canManage && (
          <Group gap={4}>
            <Button size="xs" variant="default" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move rule ${n} up`}>
              Up
            </Button>
            <Button size="xs" variant="default" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move rule ${n} down`}>
              Down
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit rule ${n}`}>
              {editing ? 'Close editor' : 'Edit'}
            </Button>
            <ConfirmButton
              question={`Delete rule ${n}?`}
              aria-label={`Delete rule ${n}`}
              loading={deleting.fetching}
              onConfirm={async () => {
                setDeleteError(null);
                const result = await deleteRule({ input: { id: rule.id } });
                if (result.error) setDeleteError(result.error);
                else onChanged();
              }}
            >
              Delete
            </ConfirmButton>
          </Group>
        )}
      </Group>
      <ErrorAlert error={deleteError} />
      {editing && (
        <Paper mt="sm" p="sm" bg="gray.0">
          <RuleEditor
            title={`Edit rule ${n}`}
            datasources={datasources}
            initial={{ ...rule, conditions: (rule.conditions ?? {}) as Record<string, unknown> }}
            errors={save.fields}
            error={save.error}
            saving={save.saving}
            onSubmit={save.submit}
            onCancel={() => setEditing(false)}
          />
        </Paper>
      )}
    </Paper>
  );
}

export function IntentPage() {
  const { id = '' } = useParams();
  const { can } = useAccess();
  const canManage = can('routing.manage');
  const [{ data, error, fetching }, refetch] = useQuery({ query: IntentDocument, variables: { id } });
  const datasources = useRuleDatasources();
  const [adding, setAdding] = useState(false);
  const [, createRule] = useMutation(CreateRuleDocument);
  const [, reorder] = useMutation(ReorderRulesDocument);
  const [reorderError, setReorderError] = useState<unknown>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const add = useRuleSave(
    (spec) => createRule({ input: { intentId: id, ...spec } }),
    () => {
      setAdding(false);
      reload();
    },
  );
  const intent = data?.intent;

  async function move(from: number, to: number) {
    if (!intent) return;
    const ids = intent.rules.map((r) => r.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    setReorderError(null);
    const result = await reorder({ input: { intentId: intent.id, ruleIds: ids } });
    if (result.error) setReorderError(result.error);
    else reload();
  }

  return (
    <Stack>
      <Anchor component={Link} to="/routing/intents" size="sm">
        ← All intents
      </Anchor>
      <Title order={1}>{intent ? `Intent: ${intent.name}` : fetching ? 'Loading intent…' : 'Intent'}</Title>
      <ErrorAlert error={error} title="Could not load the intent" />
      {intent && (
        <>
          <section aria-labelledby="settings-heading">
            <Title order={2} id="settings-heading" mb="sm">
              Settings and matchers
            </Title>
            <IntentForm key={intent.updatedAt} intent={intent} canManage={canManage} />
          </section>
          <section aria-labelledby="rules-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} id="rules-heading">
                Validation rules
              </Title>
              {canManage && !adding && <Button onClick={() => setAdding(true)}>Add rule</Button>}
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              Rules run in this order; routing records what each found.
            </Text>
            <ErrorAlert error={reorderError} title="Could not reorder the rules" />
            {intent.rules.length === 0 && <Text>No rules yet: every email routed here passes.</Text>}
            <Stack component="ol" gap="sm" p={0} style={{ listStyle: 'none' }}>
              {intent.rules.map((rule, index) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  index={index}
                  count={intent.rules.length}
                  datasources={datasources}
                  canManage={canManage}
                  onMove={move}
                  onChanged={reload}
                />
              ))}
            </Stack>
            {adding && (
              <Paper withBorder p="md" mt="md">
                <Title order={3} size="h4" mb="sm">
                  New rule
                </Title>
                <RuleEditor
                  title="New rule"
                  datasources={datasources}
                  errors={add.fields}
                  error={add.error}
                  saving={add.saving}
                  submitLabel="Add rule"
                  onSubmit={add.submit}
                  onCancel={() => setAdding(false)}
                />
              </Paper>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
