import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusPanel } from '../../components/StatusPanel';
import { formatTime } from '../../format';
import { ItemAttachments } from './ItemAttachments';
import { ItemComments } from './ItemComments';
import { ItemEditForm } from './ItemEditForm';
import { ItemSection } from './ItemSection';
import { ItemSubtasks } from './ItemSubtasks';
import { ItemTimeline } from './ItemTimeline';
import { useWorkLookups } from './useWorkLookups';
import { DeleteItemDocument, ItemDetailDocument, RestoreItemDocument } from './WorkOperations';
import { STATUS_LABELS } from './workLabels';

export function ItemPage() {
  const { id = '' } = useParams();
  const { can } = useAccess();
  const lookups = useWorkLookups();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ItemDetailDocument, variables: { id } });
  const [deleteState, deleteItem] = useMutation(DeleteItemDocument);
  const [restoreState, restoreItem] = useMutation(RestoreItemDocument);
  const [deleted, setDeleted] = useState<{ title: string; subtasks: number } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (deleted) {
    return (
      <Stack>
        <Title order={1}>{deleted.title}</Title>
        <StatusPanel color="gray">
          <Group gap="sm">
            <Text size="sm">
              {deleted.title} was deleted{deleted.subtasks > 0 ? ` with its ${deleted.subtasks} subtask${deleted.subtasks === 1 ? '' : 's'}` : ''}.
            </Text>
            <Button
              size="xs"
              variant="default"
              loading={restoreState.fetching}
              onClick={async () => {
                const result = await restoreItem({ input: { id } });
                if (!result.error) {
                  setDeleted(null);
                  reload();
                }
              }}
            >
              Restore {deleted.title}
            </Button>
            <Anchor component={Link} to="/work/items" size="sm">
              Back to the items
            </Anchor>
          </Group>
        </StatusPanel>
        <ErrorAlert error={restoreState.error} title="Could not restore the item" />
      </Stack>
    );
  }

  if (fetching && !data) return <Text>Loading the item…</Text>;
  if (!data) {
    return (
      <Stack>
        <Title order={1}>Item</Title>
        <ErrorAlert error={error} title="Could not load the item" />
        <Anchor component={Link} to="/work/items">
          Back to the items
        </Anchor>
      </Stack>
    );
  }
  const { item } = data;
  // A delete takes every subtask, at every level; the direct ones are counted here.
  const subtaskCount = item.progress.total;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">
            <Anchor component={Link} to="/work/board">
              Board
            </Anchor>{' '}
            ·{' '}
            <Anchor component={Link} to="/work/items">
              Items
            </Anchor>
            {item.parent && (
              <>
                {' '}
                · Subtask of{' '}
                <Anchor component={Link} to={`/work/items/${item.parent.id}`}>
                  {item.parent.title}
                </Anchor>
              </>
            )}
          </Text>
          <Title order={1}>{item.title}</Title>
          <Group gap="xs">
            <Badge variant="light">{STATUS_LABELS[item.status]}</Badge>
            <Text size="xs" c="dimmed">
              Version {item.version} · created {formatTime(item.createdAt)}
              {item.creator ? ` by ${item.creator.name}` : ''} · updated {formatTime(item.updatedAt)}
              {item.completedAt ? ` · done ${formatTime(item.completedAt)}` : ''}
            </Text>
          </Group>
        </Stack>
        {can('items.delete') && (
          <ConfirmButton
            question={subtaskCount > 0 ? `Delete ${item.title} and its ${subtaskCount} subtask${subtaskCount === 1 ? '' : 's'}?` : `Delete ${item.title}?`}
            aria-label={`Delete ${item.title}`}
            loading={deleteState.fetching}
            onConfirm={async () => {
              const result = await deleteItem({ input: { id: item.id, expectedVersion: item.version } });
              if (!result.error && result.data) setDeleted({ title: item.title, subtasks: result.data.deleteItem.deletedSubtaskIds.length });
            }}
          >
            Delete
          </ConfirmButton>
        )}
      </Group>
      <ErrorAlert error={deleteState.error} title="Could not delete the item" />
      <ErrorAlert error={lookups.error} title="Could not load the members, teams or tags to choose from" />
      <ItemSection title="Details">
        <ItemEditForm item={item} lookups={lookups} canEdit={can('items.update')} reload={reload} />
      </ItemSection>
      <ItemSection title="Subtasks">
        <ItemSubtasks item={item} canCreate={can('items.create')} onAdded={reload} />
      </ItemSection>
      <ItemAttachments itemId={item.id} />
      <ItemSection title={`Comments (${item.commentCount})`}>
        <ItemComments itemId={item.id} />
      </ItemSection>
      <ItemSection title="History">
        <ItemTimeline itemId={item.id} names={lookups.names} />
      </ItemSection>
    </Stack>
  );
}
