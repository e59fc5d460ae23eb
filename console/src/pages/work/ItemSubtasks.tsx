import { Anchor, Button, Group, List, Progress, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { subtasksListPath } from './itemFilters';
import { CreateItemDocument, type ItemDetail } from './WorkOperations';
import { STATUS_LABELS } from './workLabels';

/** The item's direct subtasks, how far they are done, and a form to add one. */
export function ItemSubtasks({ item, canCreate, onAdded }: { item: ItemDetail; canCreate: boolean; onAdded: () => void }) {
  const [title, setTitle] = useState('');
  const [{ fetching, error }, createItem] = useMutation(CreateItemDocument);
  const subtasks = item.subtasks.edges.map((e) => e.node);
  const { done, total } = item.progress;
  const percent = total ? Math.round((done / total) * 100) : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    const result = await createItem({ input: { title: title.trim(), parentId: item.id } });
    if (!result.error) {
      setTitle('');
      onAdded();
    }
  }

  return (
    <Stack gap="xs">
      {total > 0 ? (
        <>
          <Text size="sm">
            {done} of {total} subtasks done ({percent} %)
          </Text>
          <Progress.Root>
            <Progress.Section value={percent} aria-label="Subtasks done" />
          </Progress.Root>
          <List size="sm" aria-label="Subtasks">
            {subtasks.map((sub) => (
              <List.Item key={sub.id}>
                <Anchor component={Link} to={`/work/items/${sub.id}`} size="sm">
                  {sub.title}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  ({STATUS_LABELS[sub.status]})
                </Text>
              </List.Item>
            ))}
          </List>
          {item.subtasks.pageInfo.hasNextPage && (
            <Text size="sm">
              Showing {subtasks.length} of {total} subtasks.{' '}
              <Anchor component={Link} to={subtasksListPath(item.id)} size="sm">
                See them all in the item list
              </Anchor>
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">No subtasks. {canCreate ? 'Split the work with the form below.' : ''}</Text>
      )}
      {canCreate && (
        <form onSubmit={submit} aria-label="New subtask">
          <Group align="flex-end" gap="xs">
            <TextInput label="New subtask" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required w={320} />
            <Button type="submit" loading={fetching}>
              Add subtask
            </Button>
          </Group>
          <ErrorAlert error={error} title="Could not add the subtask" />
        </form>
      )}
    </Stack>
  );
}
