import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { RecordFormPanel } from '../../components/RecordFormPanel';
import { RecordTable } from '../../components/RecordTable';
import { SubmitCancelButtons } from '../../components/SubmitCancelButtons';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';
import { useRecordForm } from '../../hooks/useRecordForm';
import { useWorkLookups } from './useWorkLookups';
import {
  AddTeamMemberDocument,
  CreateTeamDocument,
  DeleteTeamDocument,
  RemoveTeamMemberDocument,
  RestoreTeamDocument,
  type TeamNode,
  TeamsDocument,
  UpdateTeamDocument,
} from './WorkOperations';

function TeamForm({ existing, onDone }: { existing: TeamNode | null; onDone: () => void }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [createState, createTeam] = useMutation(CreateTeamDocument);
  const [updateState, updateTeam] = useMutation(UpdateTeamDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = existing
      ? await updateTeam({ input: { id: existing.id, name, description } })
      : await createTeam({ input: { name, description: description || null } });
    if (!result.error) onDone();
  }
  return (
    <form onSubmit={submit} aria-label={existing ? `Rename ${existing.name}` : 'New team'}>
      <Stack>
        <ErrorAlert error={createState.error ?? updateState.error} title="Could not save the team" />
        <TextInput label="Name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea label="Description" maxLength={2000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <SubmitCancelButtons submitLabel={existing ? 'Save team' : 'Create team'} saving={createState.fetching || updateState.fetching} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function AddMember({ team, options, onAdd }: { team: TeamNode; options: { value: string; label: string }[]; onAdd: (userId: string) => void }) {
  const available = options.filter((o) => !team.members.some((m) => m.id === o.value));
  if (available.length === 0) return null;
  return (
    <Select
      size="xs"
      w={200}
      aria-label={`Add a member to ${team.name}`}
      placeholder="Add a member…"
      data={available}
      value={null}
      searchable
      onChange={(userId) => userId && onAdd(userId)}
    />
  );
}

export function TeamsPage() {
  const { can } = useAccess();
  const manage = can('teams.manage');
  const lookups = useWorkLookups();
  const list = usePagedList({ query: TeamsDocument, connection: (data) => data.teams });
  const form = useRecordForm<TeamNode>(list.reload);
  const [, deleteTeam] = useMutation(DeleteTeamDocument);
  const [, restoreTeam] = useMutation(RestoreTeamDocument);
  const [, addMember] = useMutation(AddTeamMemberDocument);
  const [, removeMember] = useMutation(RemoveTeamMemberDocument);
  const actions = useListActions({ onChanged: list.reload, restore: (id) => restoreTeam({ input: { id } }) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Teams</Title>
        {manage && <Button onClick={form.openNew}>New team</Button>}
      </Group>
      <RecordFormPanel form={form} newTitle="New team" editTitle={(team) => `Rename ${team.name}`}>
        {(team, close) => <TeamForm existing={team} onDone={close} />}
      </RecordFormPanel>
      <ErrorAlert error={lookups.error} title="Could not load the tenant's members" />
      {manage && lookups.notes.members && <Text size="sm">Add a member…: {lookups.notes.members}</Text>}
      <PagedList
        list={list}
        label="Teams"
        loadErrorTitle="Could not load the teams"
        actions={actions}
        deletedMessage={(deleted) => `${deleted.name} was deleted; its items show no team until it is restored.`}
        empty={manage ? 'No teams yet. Create one with New team, then add members.' : 'No teams yet. Ask an administrator to create one.'}
      >
        {(teams) => (
          <RecordTable label="Teams" columns={['Name', 'Description', 'Members']} withActions={manage} minWidth={720}>
            {teams.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Th scope="row">{team.name}</Table.Th>
                <Table.Td>{team.description || '—'}</Table.Td>
                <Table.Td>
                  {team.members.length === 0 && <Text size="sm">No members yet.</Text>}
                  <Stack gap={4}>
                    {team.members.map((member) => (
                      <Group key={member.id} gap={4} wrap="nowrap">
                        <Text size="sm">{member.name}</Text>
                        {manage && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${member.name} from ${team.name}`}
                            onClick={() => actions.change(() => removeMember({ input: { teamId: team.id, userId: member.id } }))}
                          >
                            Remove
                          </Button>
                        )}
                      </Group>
                    ))}
                    {manage && <AddMember team={team} options={lookups.memberOptions} onAdd={(userId) => actions.change(() => addMember({ input: { teamId: team.id, userId } }))} />}
                  </Stack>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <EditDeleteActions
                      name={team.name}
                      editVerb="Rename"
                      onEdit={() => form.openEdit(team)}
                      onDelete={() => actions.remove(team, () => deleteTeam({ input: { id: team.id } }))}
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
