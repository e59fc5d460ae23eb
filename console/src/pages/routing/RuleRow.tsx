import { Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type RuleDatasource, RuleEditor } from '../../components/RuleEditor';
import { stableJson } from '../../diff';
import { DeleteRuleDocument, type IntentRule, UpdateRuleDocument } from './IntentOperations';
import { useRuleSave } from './useRuleSave';

/** One validation rule: what it checks, and (to managers) moving, editing
 * and deleting it. */
export function RuleRow({
  rule,
  index,
  count,
  datasources,
  datasourcesNote,
  canManage,
  onMove,
  onChanged,
}: {
  rule: IntentRule;
  index: number;
  count: number;
  datasources: RuleDatasource[];
  datasourcesNote?: string;
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
  // The rule's own datasource stays a choice even when the list loaded stops before it.
  const choices = datasources.some((d) => d.id === rule.datasource.id) ? datasources : [rule.datasource, ...datasources];
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
            datasources={choices}
            datasourcesNote={datasourcesNote}
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
