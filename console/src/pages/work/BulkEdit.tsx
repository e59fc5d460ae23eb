import { Button, Checkbox, Group, List, Paper, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusPanel } from '../../components/StatusPanel';
import { graphql } from '../../gql';
import type { ItemPatchInput, ItemStatus, Priority } from '../../gql/graphql';
import { messageForCode } from '../../errors';
import { priorityOptions, statusOptions } from './workLabels';

export const UpdateItemsDocument = graphql(`
  mutation UpdateItems($input: UpdateItemsInput!) {
    updateItems(input: $input) {
      results {
        id
        item {
          id
          status
          priority
          dueDate
          team {
            id
            name
          }
          version
          updatedAt
        }
        error {
          code
          message
        }
      }
    }
  }
`);

interface Selected {
  id: string;
  title: string;
  version: number;
}

interface Outcome {
  changed: number;
  failed: { title: string; reason: string }[];
}

// A Select's value cannot be null for an option: this one stands for
// `teamId: null`, which takes the items out of their team.
const NO_TEAM = '__none__';

/** The same change (status, priority, team, due date) to every selected
 * item; each item keeps the version it was listed at, and reports on its own. */
export function BulkEdit({
  selected,
  teams,
  teamsNote,
  onDone,
}: {
  selected: Selected[];
  teams: { value: string; label: string }[];
  /** Said under the team picker when it could not offer every team. */
  teamsNote?: string;
  onDone: () => void;
}) {
  const [status, setStatus] = useState<ItemStatus | null>(null);
  const [priority, setPriority] = useState<Priority | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [clearDueDate, setClearDueDate] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching, error }, updateItems] = useMutation(UpdateItemsDocument);
  if (selected.length === 0 && !outcome) return null;

  const patch: ItemPatchInput = {};
  if (status) patch.status = status;
  if (priority) patch.priority = priority;
  if (team) patch.teamId = team === NO_TEAM ? null : team;
  if (clearDueDate) patch.dueDate = null;
  else if (dueDate) patch.dueDate = dueDate;
  const changes = Object.keys(patch).length;

  async function apply() {
    const result = await updateItems({ input: { items: selected.map((item) => ({ id: item.id, expectedVersion: item.version, patch })) } });
    const results = result.data?.updateItems.results;
    if (!results) return;
    const titles = new Map(selected.map((item) => [item.id, item.title]));
    setOutcome({
      changed: results.filter((r) => !r.error).length,
      failed: results.filter((r) => r.error).map((r) => ({ title: titles.get(r.id) ?? r.id, reason: `${messageForCode(r.error!.code)} (${r.error!.message})` })),
    });
    setStatus(null);
    setPriority(null);
    setTeam(null);
    setDueDate('');
    setClearDueDate(false);
    onDone();
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="Change the selected items">
      {selected.length > 0 && (
        <Group align="flex-end" gap="sm">
          <Text size="sm" fw={600}>
            {selected.length} selected
          </Text>
          <Select label="Set status" data={statusOptions} value={status} onChange={(v) => setStatus(v as ItemStatus | null)} clearable w={160} />
          <Select label="Set priority" data={priorityOptions} value={priority} onChange={(v) => setPriority(v as Priority | null)} clearable w={160} />
          <Select label="Set team" description={teamsNote} data={[{ value: NO_TEAM, label: 'No team' }, ...teams]} value={team} onChange={setTeam} clearable searchable w={180} />
          <TextInput label="Set due date" type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} disabled={clearDueDate} w={160} />
          <Checkbox label="Clear due dates" checked={clearDueDate} onChange={(e) => setClearDueDate(e.currentTarget.checked)} mb={8} />
          <Button onClick={apply} loading={fetching} disabled={changes === 0}>
            Apply to {selected.length} item{selected.length === 1 ? '' : 's'}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} title="Could not change the items" />
      {outcome && (
        <StatusPanel color={outcome.failed.length ? 'yellow' : 'green'}>
          <Text size="sm">
            {outcome.changed} item{outcome.changed === 1 ? '' : 's'} changed{outcome.failed.length ? `; ${outcome.failed.length} not:` : '.'}
          </Text>
          {outcome.failed.length > 0 && (
            <List size="sm">
              {outcome.failed.map((f) => (
                <List.Item key={f.title}>
                  {f.title}: {f.reason}
                </List.Item>
              ))}
            </List>
          )}
        </StatusPanel>
      )}
    </Paper>
  );
}
