import { Badge, Button, ColorInput, ColorSwatch, Group, Stack, Table, TextInput, Title } from '@mantine/core';
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
import { CreateTagDocument, DeleteTagDocument, type TagNode, TagsDocument, UpdateTagDocument } from './WorkOperations';

const SWATCHES = ['#1c7ed6', '#2f9e44', '#e8590c', '#c92a2a', '#7048e8', '#0c8599', '#f08c00', '#495057'];
const HEX = /^#[0-9a-f]{6}$/i;

function TagForm({ existing, onDone }: { existing: TagNode | null; onDone: () => void }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [color, setColor] = useState<string>(existing?.color ?? '#1c7ed6');
  const [createState, createTag] = useMutation(CreateTagDocument);
  const [updateState, updateTag] = useMutation(UpdateTagDocument);
  const colorValid = HEX.test(color);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!colorValid) return;
    const input = { name, color: color.toLowerCase() };
    const result = existing ? await updateTag({ input: { id: existing.id, ...input } }) : await createTag({ input });
    if (!result.error) onDone();
  }
  return (
    <form onSubmit={submit} aria-label={existing ? `Edit ${existing.name}` : 'New tag'}>
      <Stack>
        <ErrorAlert error={createState.error ?? updateState.error} title="Could not save the tag" />
        <TextInput label="Name" required maxLength={50} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <ColorInput
          label="Colour"
          description="#rrggbb"
          format="hex"
          swatches={SWATCHES}
          value={color}
          onChange={setColor}
          error={colorValid ? undefined : 'Give a colour as #rrggbb, e.g. #1c7ed6.'}
          required
        />
        <SubmitCancelButtons submitLabel={existing ? 'Save tag' : 'Create tag'} saving={createState.fetching || updateState.fetching} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function TagsPage() {
  const { can } = useAccess();
  const manage = can('tags.manage');
  const list = usePagedList({ query: TagsDocument, connection: (data) => data.tags });
  const form = useRecordForm<TagNode>(list.reload);
  const [, deleteTag] = useMutation(DeleteTagDocument);
  // The API has no restoreTag: a deletion is final, so none is offered.
  const actions = useListActions({ onChanged: list.reload });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Tags</Title>
        {manage && <Button onClick={form.openNew}>New tag</Button>}
      </Group>
      <RecordFormPanel form={form} newTitle="New tag" editTitle={(tag) => `Edit ${tag.name}`}>
        {(tag, close) => <TagForm existing={tag} onDone={close} />}
      </RecordFormPanel>
      <PagedList
        list={list}
        label="Tags"
        loadErrorTitle="Could not load the tags"
        actions={actions}
        deletedMessage={(deleted) => `${deleted.name} was deleted; items no longer show it.`}
        empty={manage ? 'No tags yet. Create one with New tag, then put it on items.' : 'No tags yet. Ask a member to create some.'}
      >
        {(tags) => (
          <RecordTable label="Tags" columns={['Tag', 'Colour']} withActions={manage}>
            {tags.map((tag) => (
              <Table.Tr key={tag.id}>
                <Table.Th scope="row">
                  <Badge variant="default" leftSection={<ColorSwatch color={tag.color} size={10} withShadow={false} />}>
                    {tag.name}
                  </Badge>
                </Table.Th>
                <Table.Td>
                  <code>{tag.color}</code>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <EditDeleteActions
                      name={tag.name}
                      editText="Rename or recolour"
                      onEdit={() => form.openEdit(tag)}
                      onDelete={() => actions.remove(tag, () => deleteTag({ input: { id: tag.id } }))}
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
