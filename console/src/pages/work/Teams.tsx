import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormPanel } from '../../components/FormPanel';
import { PagedList } from '../../components/PagedList';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';
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
        <Group>
          <Button type="submit" loading={createState.fetching || updateState.fetching}>
            {existing ? 'Save team' : 'Create team'}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
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
  const [editing, setEditing] = useState<TeamNode | 'new' | null>(null);
  const [, deleteTeam] = useMutation(DeleteTeamDocument);
  const [, restoreTeam] = useMutation(RestoreTeamDocument);
  const [, addMember] = useMutation(AddTeamMemberDocument);
  const [, removeMember] = useMutation(RemoveTeamMemberDocument);
  const actions = useListActions({ onChanged: list.reload, restore: (id) => restoreTeam({ input: { id } }) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Teams</Title>
        {manage && <Button onClick={() => setEditing('new')}>New team</Button>}
      </Group>
      {editing !== null && (
        <FormPanel title={editing === 'new' ? 'New team' : `Rename ${editing.name}`}>
          <TeamForm
            key={editing === 'new' ? 'new' : editing.id}
            existing={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              list.reload();
            }}
          />
        </FormPanel>
      )}
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
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Teams">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Description</Table.Th>
                  <Table.Th scope="col">Members</Table.Th>
                  {manage && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
                        <Group gap={4} wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(team)} aria-label={`Rename ${team.name}`}>
                            Rename
                          </Button>
                          <ConfirmButton
                            question={`Delete ${team.name}?`}
                            aria-label={`Delete ${team.name}`}
                            onConfirm={() => actions.remove(team, () => deleteTeam({ input: { id: team.id } }))}
                          >
                            Delete
                          </ConfirmButton>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
    </Stack>
  );
}
