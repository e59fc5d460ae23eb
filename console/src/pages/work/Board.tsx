import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../../access';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ItemStatus } from '../../gql/graphql';
import { BoardCard, type MoveConflict } from './BoardCard';
import { CreateItemDocument, type ItemCard, ItemsDocument, UpdateItemDocument } from './WorkOperations';
import { conflictVersion, STATUS_LABELS, statusOptions } from './workLabels';

const OPEN_COLUMNS: ItemStatus[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];
// The API's largest page; the list page shows the rest.
const BOARD_SIZE = 100;

// The pointer decides where a card lands when it is over a column; the
// keyboard moves the card's box, so that box decides.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

// An arrow key takes a dragged card to the next column that way, not 25 px:
// one key press per column.
const columnByColumn: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects }, currentCoordinates }) => {
  if (!collisionRect) return undefined;
  const here = { x: collisionRect.left, y: collisionRect.top };
  const rects = [...droppableRects.values()];
  const distance = (r: { left: number; top: number }) => Math.abs(r.left - here.x) + Math.abs(r.top - here.y);
  const ahead = rects.filter((r) => {
    switch (event.code) {
      case 'ArrowRight':
        return r.left > here.x + 20 && Math.abs(r.top - here.y) < r.height;
      case 'ArrowLeft':
        return r.left + r.width < here.x + 20 && Math.abs(r.top - here.y) < r.height;
      case 'ArrowDown':
        return r.top > here.y + 20;
      case 'ArrowUp':
        return r.top + r.height < here.y + 20;
      default:
        return false;
    }
  });
  const target = ahead.sort((a, b) => distance(a) - distance(b))[0];
  if (!target) return undefined;
  event.preventDefault();
  // Into the column, below its heading.
  return { x: currentCoordinates.x + target.left + 8 - here.x, y: currentCoordinates.y + target.top + 48 - here.y };
};

function columnName(id: unknown): string {
  return STATUS_LABELS[id as ItemStatus] ?? String(id);
}

function Column({ status, items, children }: { status: ItemStatus; items: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `column-${status}`;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      component="section"
      aria-labelledby={headingId}
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-0)'}
      mih={200}
      data-testid={`column-${status}`}
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {STATUS_LABELS[status]}
        </Title>
        <Badge variant="default" aria-label={`${items} items`}>
          {items}
        </Badge>
      </Group>
      {children}
    </Paper>
  );
}

function NewItemForm({ onCreated }: { onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<ItemStatus>('TODO');
  const [{ fetching, error }, createItem] = useMutation(CreateItemDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    const result = await createItem({ input: { title: title.trim(), status } });
    if (!result.error) {
      setTitle('');
      onCreated();
    }
  }
  return (
    <form onSubmit={submit} aria-label="New item">
      <Group align="flex-end" gap="xs">
        <TextInput label="New item" placeholder="What needs doing?" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} w={320} required />
        <Select label="In column" data={statusOptions} value={status} onChange={(v) => v && setStatus(v as ItemStatus)} allowDeselect={false} w={160} />
        <Button type="submit" loading={fetching}>
          Add item
        </Button>
      </Group>
      <ErrorAlert error={error} title="Could not add the item" />
    </form>
  );
}

export function BoardPage() {
  const { can } = useAccess();
  const canMove = can('items.update');
  const [showArchived, setShowArchived] = useState(false);
  const columns: ItemStatus[] = showArchived ? [...OPEN_COLUMNS, 'ARCHIVED'] : OPEN_COLUMNS;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ItemsDocument,
    variables: { first: BOARD_SIZE, filter: { status: columns }, orderBy: { field: 'PRIORITY', direction: 'DESC' } },
  });
  const [, updateItem] = useMutation(UpdateItemDocument);
  const [moving, setMoving] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Record<string, MoveConflict>>({});
  const [moveError, setMoveError] = useState<unknown>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }));
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function move(item: ItemCard, to: ItemStatus) {
    if (item.status === to) return;
    setMoving(item.id);
    setMoveError(null);
    const result = await updateItem({ input: { id: item.id, expectedVersion: item.version, status: to } });
    setMoving(null);
    if (result.error) {
      if (conflictVersion(result.error) !== null) {
        setConflicts((c) => ({ ...c, [item.id]: { to, from: item.version } }));
        // The card then shows what the other person changed.
        reload();
      } else {
        setMoveError(result.error);
      }
      return;
    }
    setConflicts(({ [item.id]: _, ...rest }) => rest);
  }

  function onDragEnd(event: DragEndEvent) {
    const item = event.active.data.current?.item as ItemCard | undefined;
    const to = event.over?.id as ItemStatus | undefined;
    if (item && to) void move(item, to);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${(active.data.current?.item as ItemCard | undefined)?.title ?? 'the item'}. Use the arrow keys to move it to another column, space to drop it, escape to cancel.`,
    onDragOver: ({ over }) => (over ? `Over the ${columnName(over.id)} column.` : 'Not over a column.'),
    onDragEnd: ({ over }) => (over ? `Dropped in the ${columnName(over.id)} column.` : 'Dropped outside the columns; nothing moved.'),
    onDragCancel: () => 'Move cancelled.',
  };

  const items = data?.items.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <Title order={1}>Board</Title>
      {can('items.create') && <NewItemForm onCreated={reload} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {canMove ? 'Drag a card by its handle, or use its Move to… menu, to change its status.' : 'Your role can read items but not move them.'}
        </Text>
        <Checkbox label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={error} title="Could not load the board" />
      <ErrorAlert error={moveError} title="Could not move the item" />
      {fetching && !data && <Text>Loading the board…</Text>}
      {data && items.length === 0 && (
        <Text>{can('items.create') ? 'No items yet. Add the first one with the New item form above.' : 'No items yet. Ask a member of the tenant to add some.'}</Text>
      )}
      {data && (
        <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd} accessibility={{ announcements }}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: columns.length }} spacing="sm">
            {columns.map((status) => {
              const inColumn = items.filter((item) => item.status === status);
              return (
                <Column key={status} status={status} items={inColumn.length}>
                  {inColumn.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      Nothing here.
                    </Text>
                  ) : (
                    <Stack component="ul" gap="xs" p={0} m={0} aria-label={`${STATUS_LABELS[status]} items`}>
                      {inColumn.map((item) => (
                        <BoardCard
                          key={item.id}
                          item={item}
                          columns={columns}
                          canMove={canMove}
                          moving={moving === item.id}
                          conflict={conflicts[item.id]}
                          onMove={move}
                          onDismissConflict={(id) => setConflicts(({ [id]: _, ...rest }) => rest)}
                        />
                      ))}
                    </Stack>
                  )}
                </Column>
              );
            })}
          </SimpleGrid>
        </DndContext>
      )}
      {items.length >= BOARD_SIZE && <Text size="sm">The board shows the first {BOARD_SIZE} items by priority; the item list shows them all.</Text>}
    </Stack>
  );
}
