import { Anchor, Badge, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAccess } from '../../access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { formatTime } from '../../format';
import { usePagedList } from '../../hooks/usePagedList';
import { isOverdue } from './BoardCard';
import { BulkEdit } from './BulkEdit';
import { filterFromParams, ORDER_LABELS, orderFields, orderFromParams, withParam } from './itemFilters';
import { useWorkLookups, type WorkLookups } from './useWorkLookups';
import { ItemsDocument, ItemTitleDocument } from './WorkOperations';
import { formatDate, PRIORITY_COLORS, PRIORITY_LABELS, priorityOptions, STATUS_LABELS, statusOptions } from './workLabels';

/** The search box: it searches on Enter or its button, not on every key. */
function SearchBox({ params, setParams }: { params: URLSearchParams; setParams: (p: URLSearchParams) => void }) {
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  function submit(event: FormEvent) {
    event.preventDefault();
    // A new search starts with the best matches first.
    const next = withParam(withParam(params, 'q', text.trim()), 'order', null);
    setParams(withParam(next, 'dir', null));
  }
  return (
    <form onSubmit={submit} role="search" aria-label="Search items">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Search"
          description={'Words in the title, description or comments; "a phrase", -without, this or that'}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.currentTarget.value)}
          w={420}
        />
        <Button type="submit">Search</Button>
      </Group>
    </form>
  );
}

/** The list shows one item's direct subtasks (`?parent=…`, linked from the item page). */
function ParentFilter({ parentId, onClear }: { parentId: string; onClear: () => void }) {
  const [{ data, error }] = useQuery({ query: ItemTitleDocument, variables: { id: parentId } });
  return (
    <Stack gap={4} mb="sm">
      <Group gap="xs">
        <Text size="sm">
          Subtasks of{' '}
          {data ? (
            <Anchor component={Link} to={`/work/items/${parentId}`} size="sm">
              {data.item.title}
            </Anchor>
          ) : (
            'one item'
          )}
        </Text>
        <Button variant="default" size="xs" onClick={onClear}>
          Show items of any parent
        </Button>
      </Group>
      <ErrorAlert error={error} title="Could not load the parent item" />
    </Stack>
  );
}

function Filters({ params, setParams, lookups }: { params: URLSearchParams; setParams: (p: URLSearchParams) => void; lookups: WorkLookups }) {
  const set = (key: string, value: string | string[] | boolean | null | undefined) => setParams(withParam(params, key, value));
  const csv = (key: string) => params.get(key)?.split(',').filter(Boolean) ?? [];
  const order = orderFromParams(params);
  const tags = csv('tags');
  const parent = params.get('parent');
  return (
    <Paper withBorder p="sm" component="section" aria-label="Filters and order">
      {parent && <ParentFilter parentId={parent} onClear={() => set('parent', null)} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <MultiSelect label="Status" data={statusOptions} value={csv('status')} onChange={(v) => set('status', v)} clearable />
        <MultiSelect label="Priority" data={priorityOptions} value={csv('priority')} onChange={(v) => set('priority', v)} clearable />
        <Select label="Assignee" description={lookups.notes.members} data={lookups.memberOptions} value={params.get('assignee')} onChange={(v) => set('assignee', v)} clearable searchable />
        <Select label="Team" description={lookups.notes.teams} data={lookups.teamOptions} value={params.get('team')} onChange={(v) => set('team', v)} clearable searchable />
        <MultiSelect label="Tags" description={lookups.notes.tags} data={lookups.tagOptions} value={tags} onChange={(v) => set('tags', v)} clearable searchable />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tag-match-label">
            Items with
          </Text>
          <SegmentedControl
            aria-labelledby="tag-match-label"
            size="xs"
            disabled={tags.length === 0}
            value={params.get('tagMatch') === 'ANY' ? 'ANY' : 'ALL'}
            onChange={(v) => set('tagMatch', v === 'ANY' ? 'ANY' : null)}
            data={[
              { value: 'ALL', label: 'All the tags' },
              { value: 'ANY', label: 'Any of the tags' },
            ]}
          />
        </Stack>
        <Select label="Created by" description={lookups.notes.members} data={lookups.memberOptions} value={params.get('createdBy')} onChange={(v) => set('createdBy', v)} clearable searchable />
        <TextInput label="Due after" type="date" value={params.get('dueAfter') ?? ''} onChange={(e) => set('dueAfter', e.currentTarget.value)} />
        <TextInput label="Due before" type="date" value={params.get('dueBefore') ?? ''} onChange={(e) => set('dueBefore', e.currentTarget.value)} />
        <Select
          label="Order by"
          data={orderFields(params).map((value) => ({ value, label: ORDER_LABELS[value] ?? value }))}
          value={order.field}
          onChange={(v) => set('order', v)}
          allowDeselect={false}
        />
        <Select
          label="Direction"
          data={[
            { value: 'DESC', label: 'Descending' },
            { value: 'ASC', label: 'Ascending' },
          ]}
          value={order.direction}
          onChange={(v) => set('dir', v === 'ASC' ? 'ASC' : null)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group mt="sm" gap="lg">
        <Checkbox label="Unassigned only" checked={params.get('unassigned') === '1'} onChange={(e) => set('unassigned', e.currentTarget.checked)} />
        <Checkbox label="Top-level only" checked={params.get('top') === '1'} onChange={(e) => set('top', e.currentTarget.checked)} />
        <Checkbox label="Overdue only" checked={params.get('overdue') === '1'} onChange={(e) => set('overdue', e.currentTarget.checked)} />
        <Button variant="default" size="xs" onClick={() => setParams(new URLSearchParams())} disabled={params.size === 0}>
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}

function Results({ params, teams, teamsNote }: { params: URLSearchParams; teams: WorkLookups['teamOptions']; teamsNote?: string }) {
  const { can } = useAccess();
  const canEdit = can('items.update');
  const [selected, setSelected] = useState<Map<string, { id: string; title: string; version: number }>>(new Map());
  const toggle = (item: { id: string; title: string; version: number }, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(item.id, { id: item.id, title: item.title, version: item.version });
      else next.delete(item.id);
      return next;
    });
  const list = usePagedList({
    query: ItemsDocument,
    variables: { filter: filterFromParams(params), orderBy: orderFromParams(params) },
    connection: (data) => data.items,
  });
  const filtered = Object.keys(filterFromParams(params)).length > 0;
  return (
    <>
      {canEdit && (
        <BulkEdit
          selected={[...selected.values()]}
          teams={teams}
          teamsNote={teamsNote}
          onDone={() => {
            setSelected(new Map());
            list.reload();
          }}
        />
      )}
      <PagedList
        list={list}
        label="Items"
        loadErrorTitle="Could not load the items"
        empty={
          filtered ? (
            'No items match these filters. Loosen or clear them.'
          ) : can('items.create') ? (
            <>
              No items yet. Add one on the{' '}
              <Anchor component={Link} to="/work/board">
                board
              </Anchor>
              .
            </>
          ) : (
            'No items yet.'
          )
        }
      >
        {(items) => (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Items">
              <Table.Thead>
                <Table.Tr>
                  {canEdit && (
                    <Table.Th scope="col">
                      <Checkbox
                        aria-label="Select every item on this page"
                        checked={items.length > 0 && items.every((item) => selected.has(item.id))}
                        indeterminate={items.some((item) => selected.has(item.id)) && !items.every((item) => selected.has(item.id))}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          items.forEach((item) => toggle(item, on));
                        }}
                      />
                    </Table.Th>
                  )}
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Priority</Table.Th>
                  <Table.Th scope="col">Assignees</Table.Th>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Tags</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    {canEdit && (
                      <Table.Td>
                        <Checkbox aria-label={`Select ${item.title}`} checked={selected.has(item.id)} onChange={(e) => toggle(item, e.currentTarget.checked)} />
                      </Table.Td>
                    )}
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/work/items/${item.id}`} size="sm">
                        {item.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{STATUS_LABELS[item.status]}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={PRIORITY_COLORS[item.priority]}>
                        {PRIORITY_LABELS[item.priority]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{item.assignees.map((a) => a.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>{item.team?.name ?? '—'}</Table.Td>
                    <Table.Td>{item.tags.map((t) => t.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      {formatDate(item.dueDate)}
                      {isOverdue(item) && (
                        <Text span size="xs" c="red.9">
                          {' '}
                          (overdue)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatTime(item.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
    </>
  );
}

export function ItemsListPage() {
  const [params, setParams] = useSearchParams();
  const lookups = useWorkLookups();
  return (
    <Stack>
      <Title order={1}>Items</Title>
      <SearchBox params={params} setParams={(next) => setParams(next, { replace: true })} />
      <Filters params={params} setParams={(next) => setParams(next, { replace: true })} lookups={lookups} />
      {/* A new filter starts again from the first page: the cursors belong to the old one. */}
      <Results key={params.toString()} params={params} teams={lookups.teamOptions} teamsNote={lookups.notes.teams} />
    </Stack>
  );
}
