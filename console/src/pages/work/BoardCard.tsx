import { useDraggable } from '@dnd-kit/core';
import { Anchor, Badge, Button, ColorSwatch, Group, Menu, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { ItemStatus } from '../../gql/graphql';
import type { ItemCard } from './WorkOperations';
import { formatDate, PRIORITY_COLORS, PRIORITY_LABELS, STATUS_LABELS } from './workLabels';

/** A move refused because someone else changed the item first. */
export interface MoveConflict {
  to: ItemStatus;
  /** The version the move was made from. */
  from: number;
}

interface BoardCardProps {
  item: ItemCard;
  columns: ItemStatus[];
  canMove: boolean;
  moving: boolean;
  conflict?: MoveConflict;
  onMove: (item: ItemCard, to: ItemStatus) => void;
  onDismissConflict: (id: string) => void;
}

export function isOverdue(item: Pick<ItemCard, 'dueDate' | 'status'>, today = new Date().toISOString().slice(0, 10)): boolean {
  return !!item.dueDate && item.dueDate < today && item.status !== 'DONE' && item.status !== 'ARCHIVED';
}

export function BoardCard({ item, columns, canMove, moving, conflict, onMove, onDismissConflict }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: item.id, data: { item }, disabled: !canMove || moving });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: 'relative' as const } : undefined;
  const targets = columns.filter((status) => status !== item.status);
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      shadow={isDragging ? 'md' : 'xs'}
      ref={setNodeRef}
      style={{ ...style, listStyle: 'none', opacity: moving ? 0.6 : 1 }}
      aria-label={item.title}
      data-testid="board-card"
      aria-busy={moving || undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <Anchor component={Link} to={`/work/items/${item.id}`} size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {item.title}
          </Anchor>
          {canMove && (
            // The handle, not the card, is dragged: the card's link and menu stay clickable.
            <UnstyledButton
              {...attributes}
              {...listeners}
              aria-label={`Drag ${item.title}`}
              style={{ cursor: 'grab', padding: '0 4px', touchAction: 'none' }}
            >
              <span aria-hidden="true">⠿</span>
            </UnstyledButton>
          )}
        </Group>
        <Group gap={4}>
          <Badge size="xs" variant="light" color={PRIORITY_COLORS[item.priority]}>
            {PRIORITY_LABELS[item.priority]}
          </Badge>
          {item.tags.map((tag) => (
            <Badge key={tag.id} size="xs" variant="default" leftSection={<ColorSwatch color={tag.color} size={8} withShadow={false} />}>
              {tag.name}
            </Badge>
          ))}
        </Group>
        {item.assignees.length > 0 && <Text size="xs">Assigned to {item.assignees.map((a) => a.name).join(', ')}</Text>}
        {item.dueDate && (
          <Text size="xs" c={isOverdue(item) ? 'red.9' : undefined}>
            Due {formatDate(item.dueDate)}
            {isOverdue(item) && ' (overdue)'}
          </Text>
        )}
        {item.commentCount > 0 && (
          <Text size="xs" c="dimmed">
            {item.commentCount} comment{item.commentCount === 1 ? '' : 's'}
          </Text>
        )}
        {item.progress.total > 0 && (
          <Text size="xs" c="dimmed">
            {item.progress.done} of {item.progress.total} subtasks done
          </Text>
        )}
        {conflict && (
          <Stack gap={4} role="alert" p={6} style={{ background: 'var(--mantine-color-yellow-light)', borderRadius: 4 }}>
            <Text size="xs">
              Someone else changed this item (version {conflict.from} → {item.version}); it is now in {STATUS_LABELS[item.status]}. Your move to{' '}
              {STATUS_LABELS[conflict.to]} was not applied.
            </Text>
            <Group gap={4}>
              {item.status !== conflict.to && (
                <Button size="compact-xs" onClick={() => onMove(item, conflict.to)}>
                  Move to {STATUS_LABELS[conflict.to]} again
                </Button>
              )}
              <Button size="compact-xs" variant="default" onClick={() => onDismissConflict(item.id)}>
                Dismiss
              </Button>
            </Group>
          </Stack>
        )}
        {canMove && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" aria-label={`Move ${item.title} to…`} loading={moving} style={{ alignSelf: 'flex-start' }}>
                Move to…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {targets.map((status) => (
                <Menu.Item key={status} onClick={() => onMove(item, status)}>
                  {STATUS_LABELS[status]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Stack>
    </Paper>
  );
}
