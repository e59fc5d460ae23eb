import { Alert, Button, Group, List, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ItemStatus, Priority, UpdateItemInput } from '../../gql/graphql';
import type { WorkLookups } from './useWorkLookups';
import { ParentItemSelect } from './ParentItemSelect';
import { type ItemDetail, UpdateItemDocument } from './WorkOperations';
import { conflictVersion, formatDate, PRIORITY_LABELS, priorityOptions, STATUS_LABELS, statusOptions } from './workLabels';

/** The editable fields, as the form holds them. */
export interface ItemDraft {
  title: string;
  description: string;
  status: ItemStatus;
  priority: Priority;
  dueDate: string;
  estimatedHours: number | '';
  actualHours: number | '';
  teamId: string | null;
  parentId: string | null;
  assigneeIds: string[];
  tagIds: string[];
}

export function draftOf(item: ItemDetail): ItemDraft {
  return {
    title: item.title,
    description: item.description ?? '',
    status: item.status,
    priority: item.priority,
    dueDate: item.dueDate ?? '',
    estimatedHours: item.estimatedHours ?? '',
    actualHours: item.actualHours ?? '',
    teamId: item.team?.id ?? null,
    parentId: item.parent?.id ?? null,
    assigneeIds: item.assignees.map((a) => a.id).sort(),
    tagIds: item.tags.map((t) => t.id).sort(),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** The fields the draft changes from `base`; `null` clears a field. */
export function changedFields(base: ItemDraft, draft: ItemDraft): Omit<UpdateItemInput, 'id' | 'expectedVersion'> {
  const out: Omit<UpdateItemInput, 'id' | 'expectedVersion'> = {};
  if (draft.title !== base.title) out.title = draft.title;
  if (draft.description !== base.description) out.description = draft.description || null;
  if (draft.status !== base.status) out.status = draft.status;
  if (draft.priority !== base.priority) out.priority = draft.priority;
  if (draft.dueDate !== base.dueDate) out.dueDate = draft.dueDate || null;
  if (draft.estimatedHours !== base.estimatedHours) out.estimatedHours = draft.estimatedHours === '' ? null : draft.estimatedHours;
  if (draft.actualHours !== base.actualHours) out.actualHours = draft.actualHours === '' ? null : draft.actualHours;
  if (draft.teamId !== base.teamId) out.teamId = draft.teamId;
  if (draft.parentId !== base.parentId) out.parentId = draft.parentId;
  if (!sameList(draft.assigneeIds, base.assigneeIds)) out.assigneeIds = draft.assigneeIds;
  if (!sameList(draft.tagIds, base.tagIds)) out.tagIds = draft.tagIds;
  return out;
}

type Option = { value: string; label: string };

/** The options with the item's own values added: a tenant's list may be
 * longer than the picker loads, and a value with no option shows blank. */
function including(options: Option[], current: { id: string; name: string }[]): Option[] {
  const missing = current.filter((c) => !options.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: c.name }));
  return missing.length > 0 ? [...missing, ...options] : options;
}

function hours(value: string | number): number | '' {
  return typeof value === 'number' ? value : value === '' ? '' : Number(value);
}

/** What the other person's version holds, for the fields this form changes. */
function currentValues(item: ItemDetail, fields: string[]): string[] {
  return fields.map((field) => {
    switch (field) {
      case 'status':
        return `status: ${STATUS_LABELS[item.status]}`;
      case 'priority':
        return `priority: ${PRIORITY_LABELS[item.priority]}`;
      case 'dueDate':
        return `due date: ${formatDate(item.dueDate)}`;
      case 'assigneeIds':
        return `assignees: ${item.assignees.map((a) => a.name).join(', ') || 'none'}`;
      case 'tagIds':
        return `tags: ${item.tags.map((t) => t.name).join(', ') || 'none'}`;
      case 'teamId':
        return `team: ${item.team?.name ?? 'none'}`;
      case 'parentId':
        return `parent: ${item.parent?.title ?? 'none'}`;
      case 'description':
        return `description: ${item.description ? `${item.description.slice(0, 80)}${item.description.length > 80 ? '…' : ''}` : 'none'}`;
      default:
        return `${field}: ${String((item as unknown as Record<string, unknown>)[field] ?? 'none')}`;
    }
  });
}

interface ItemEditFormProps {
  item: ItemDetail;
  lookups: WorkLookups;
  canEdit: boolean;
  /** Asks the server for the item as it is now. */
  reload: () => void;
}

export function ItemEditForm({ item, lookups, canEdit, reload }: ItemEditFormProps) {
  const [base, setBase] = useState(() => draftOf(item));
  // The version the edits start from: sent as `expectedVersion`, so that a
  // change made meanwhile is reported rather than overwritten.
  const [baseVersion, setBaseVersion] = useState(item.version);
  const [draft, setDraft] = useState(base);
  const [conflict, setConflict] = useState<{ yourVersion: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, updateItem] = useMutation(UpdateItemDocument);
  const changes = changedFields(base, draft);
  const dirty = Object.keys(changes).length > 0;

  // A newer version with nothing edited here: show it as it is.
  useEffect(() => {
    if (!dirty && !conflict) {
      const current = draftOf(item);
      setBase(current);
      setBaseVersion(item.version);
      setDraft(current);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.version]);

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  async function save(expectedVersion: number) {
    const result = await updateItem({ input: { id: item.id, expectedVersion, ...changes } });
    if (result.error) {
      if (conflictVersion(result.error) !== null) {
        setConflict({ yourVersion: expectedVersion });
        reload();
      }
      return;
    }
    const updated = result.data?.updateItem.item;
    if (updated) {
      const next = draftOf({ ...item, ...updated });
      setBase(next);
      setBaseVersion(updated.version);
      setDraft(next);
    }
    setConflict(null);
    setSaved(true);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(baseVersion);
  }

  const isConflict = conflictVersion(error) !== null;

  return (
    <form onSubmit={submit} aria-label="Edit item">
      <Stack>
        {conflict && (
          <Alert color="yellow" title="Someone else changed this item" role="alert">
            <Text size="sm">
              You edited version {conflict.yourVersion}; the item is now at version {item.version}. Your changes are kept in the form but not saved. Its
              current values:
            </Text>
            <List size="sm" mt={4}>
              {currentValues(item, Object.keys(changes)).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Group mt="sm" gap="xs">
              <Button size="xs" onClick={() => void save(item.version)} loading={fetching}>
                Apply my changes again
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  const current = draftOf(item);
                  setBase(current);
                  setBaseVersion(item.version);
                  setDraft(current);
                  setConflict(null);
                }}
              >
                Discard my changes
              </Button>
            </Group>
          </Alert>
        )}
        {!isConflict && <ErrorAlert error={error} title="Could not save the item" />}
        <TextInput label="Title" required maxLength={200} value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} disabled={!canEdit} />
        <Textarea label="Description" autosize minRows={3} maxRows={12} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} disabled={!canEdit} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select label="Status" data={statusOptions} value={draft.status} onChange={(v) => v && set('status', v as ItemStatus)} allowDeselect={false} disabled={!canEdit} />
          <Select label="Priority" data={priorityOptions} value={draft.priority} onChange={(v) => v && set('priority', v as Priority)} allowDeselect={false} disabled={!canEdit} />
          <TextInput label="Due date" type="date" value={draft.dueDate} onChange={(e) => set('dueDate', e.currentTarget.value)} disabled={!canEdit} />
          <NumberInput label="Estimated hours" min={0} decimalScale={2} value={draft.estimatedHours} onChange={(v) => set('estimatedHours', hours(v))} disabled={!canEdit} />
          <NumberInput label="Actual hours" min={0} decimalScale={2} value={draft.actualHours} onChange={(v) => set('actualHours', hours(v))} disabled={!canEdit} />
          <Select
            label="Team"
            description={lookups.notes.teams}
            data={including(lookups.teamOptions, item.team ? [item.team] : [])}
            value={draft.teamId}
            onChange={(v) => set('teamId', v)}
            clearable
            searchable
            placeholder="No team"
            disabled={!canEdit}
          />
          <ParentItemSelect item={item} value={draft.parentId} onChange={(v) => set('parentId', v)} disabled={!canEdit} />
          <MultiSelect label="Assignees" description={lookups.notes.members} data={including(lookups.memberOptions, item.assignees)} value={draft.assigneeIds} onChange={(v) => set('assigneeIds', v)} searchable clearable disabled={!canEdit} />
          <MultiSelect label="Tags" description={lookups.notes.tags} data={including(lookups.tagOptions, item.tags)} value={draft.tagIds} onChange={(v) => set('tagIds', v)} searchable clearable disabled={!canEdit} />
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button type="submit" loading={fetching} disabled={!dirty || !!conflict}>
              Save changes
            </Button>
            <Button variant="default" disabled={!dirty} onClick={() => setDraft(base)}>
              Undo edits
            </Button>
            {saved && !dirty && (
              <Text size="sm" role="status">
                Saved (version {item.version}).
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
