import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type RuleDatasource, RuleEditor } from '../../components/RuleEditor';
import { truncatedNote, useAllPages } from '../../hooks/useAllPages';
import { CreateRuleDocument, type IntentNode, ReorderRulesDocument, RuleDatasourcesDocument } from './IntentOperations';
import { RuleRow } from './RuleRow';
import { useRuleSave } from './useRuleSave';

/** The datasources a rule can query, with the columns of uploaded CSVs. */
function useRuleDatasources(): { datasources: RuleDatasource[] | undefined; none: boolean; note: string | undefined; error: unknown } {
  const all = useAllPages({ query: RuleDatasourcesDocument, connection: (data) => data.datasources });
  const datasources = all.nodes?.map((node) => ({ id: node.id, name: node.name, kind: node.kind, columns: node.file?.columns ?? [] }));
  return { datasources, none: datasources?.length === 0 && !all.fetching, note: truncatedNote(all.truncated, 'datasources'), error: all.error };
}

/** An intent's validation rules, in the order they run: reordering, editing,
 * deleting and adding them. */
export function IntentRules({ intent, canManage, onChanged }: { intent: IntentNode; canManage: boolean; onChanged: () => void }) {
  const { datasources, none, note, error: datasourcesError } = useRuleDatasources();
  const [adding, setAdding] = useState(false);
  const [, createRule] = useMutation(CreateRuleDocument);
  const [, reorder] = useMutation(ReorderRulesDocument);
  const [reorderError, setReorderError] = useState<unknown>(null);
  const add = useRuleSave(
    (spec) => createRule({ input: { intentId: intent.id, ...spec } }),
    () => {
      setAdding(false);
      onChanged();
    },
  );

  async function move(from: number, to: number) {
    const ids = intent.rules.map((r) => r.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    setReorderError(null);
    const result = await reorder({ input: { intentId: intent.id, ruleIds: ids } });
    if (result.error) setReorderError(result.error);
    else onChanged();
  }

  return (
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
      <ErrorAlert error={datasourcesError} title="Could not load the datasources rules can query" />
      {intent.rules.length === 0 && <Text>No rules yet: every email routed here passes.{canManage ? ' Add one with Add rule.' : ''}</Text>}
      <Stack component="ol" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {intent.rules.map((rule, index) => (
          <RuleRow
            key={rule.id}
            rule={rule}
            index={index}
            count={intent.rules.length}
            datasources={datasources ?? []}
            datasourcesNote={note}
            canManage={canManage}
            onMove={move}
            onChanged={onChanged}
          />
        ))}
      </Stack>
      {adding && (
        <Paper withBorder p="md" mt="md">
          <Title order={3} size="h4" mb="sm">
            New rule
          </Title>
          {none && (
            <Text size="sm" mb="sm">
              A rule looks the email up in a datasource, and there is none yet: add one on the{' '}
              <Anchor component={Link} to="/routing/datasources">
                Datasources page
              </Anchor>{' '}
              first.
            </Text>
          )}
          <RuleEditor
            title="New rule"
            datasources={datasources ?? []}
            datasourcesNote={note}
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
  );
}
