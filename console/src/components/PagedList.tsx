import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PagedList as PagedListState } from '../hooks/usePagedList';
import type { DeletedItem, ListActions } from '../hooks/useListActions';
import { ErrorAlert } from './ErrorAlert';
import { Pager } from './Pager';
import { StatusPanel } from './StatusPanel';

interface PagedListProps<Node, DeleteData> {
  list: PagedListState<Node>;
  /** Names the page navigation: "{label} pages". */
  label: string;
  /** The title of the alert when the list cannot be loaded. */
  loadErrorTitle: string;
  /** Said when there is nothing to list: that there is nothing, and what to do
   * next. Inline content (it sits in a paragraph): a sentence, maybe a link. */
  empty: ReactNode;
  loadingText?: string;
  actions?: ListActions<DeleteData>;
  /** The title of the alert when an action fails; ErrorAlert's own by default. */
  actionErrorTitle?: string;
  /** A confirmation of the last action, shown above the list. */
  notice?: ReactNode;
  /** The sentence about the item deleted last; "{name} was deleted." by default. */
  deletedMessage?: (deleted: DeletedItem<DeleteData>) => ReactNode;
  /** The items of the page, never none. */
  children: (nodes: Node[]) => ReactNode;
}

/** Offers to restore the item a list deleted last. */
export function RestoreNotice<DeleteData>({ actions, message }: { actions: ListActions<DeleteData>; message: (deleted: DeletedItem<DeleteData>) => ReactNode }) {
  const { deleted } = actions;
  if (!deleted) return null;
  return (
    <StatusPanel color="gray">
      <Group gap="sm">
        <Text size="sm">{message(deleted)}</Text>
        <Button size="xs" variant="default" onClick={actions.restore}>
          Restore {deleted.name}
        </Button>
      </Group>
    </StatusPanel>
  );
}

/** One page of a list with what surrounds it: why it could not be loaded or
 * an action failed, the undo of a deletion or another notice, the loading
 * and empty states, and the page navigation. */
export function PagedList<Node, DeleteData = unknown>({
  list,
  label,
  loadErrorTitle,
  empty,
  loadingText = 'Loading…',
  actions,
  actionErrorTitle,
  notice,
  deletedMessage = (deleted) => `${deleted.name} was deleted.`,
  children,
}: PagedListProps<Node, DeleteData>) {
  const { nodes } = list;
  return (
    <>
      <ErrorAlert error={list.error} title={loadErrorTitle} />
      {actions && <ErrorAlert error={actions.error} title={actionErrorTitle} />}
      {actions && <RestoreNotice actions={actions} message={deletedMessage} />}
      {notice}
      {list.loading && <Text>{loadingText}</Text>}
      {nodes && nodes.length === 0 && (
        // A later page empties when its last items are deleted.
        <Text>{list.hasPrevious ? 'Nothing left on this page. Go back with Previous page.' : empty}</Text>
      )}
      {nodes && nodes.length > 0 && children(nodes)}
      <Pager label={label} page={list.page} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
    </>
  );
}
