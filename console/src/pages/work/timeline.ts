import type { ItemHistoryQuery, ItemStatus, Priority } from '../../gql/graphql';
import { formatDate, PRIORITY_LABELS, STATUS_LABELS } from './workLabels';

export type ActivityNode = ItemHistoryQuery['activity']['edges'][number]['node'];
type Change = ActivityNode['changes'][number];

/** Names for the ids a history entry lists, where they are known. */
export interface TimelineNames {
  user: ReadonlyMap<string, string>;
  team: ReadonlyMap<string, string>;
  tag: ReadonlyMap<string, string>;
}

const FIELD_LABELS: Record<string, string> = {
  dueDate: 'due date',
  estimatedHours: 'estimated hours',
  actualHours: 'actual hours',
  teamId: 'team',
  parentId: 'parent item',
  completedAt: 'completion time',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function valueText(field: string, value: unknown, names: TimelineNames): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'status') return STATUS_LABELS[value as ItemStatus] ?? String(value);
  if (field === 'priority') return PRIORITY_LABELS[value as Priority] ?? String(value);
  if (field === 'dueDate') return formatDate(String(value));
  if (field === 'teamId') return names.team.get(String(value)) ?? 'a deleted team';
  if (field === 'estimatedHours' || field === 'actualHours') return `${value} h`;
  if (field === 'title') return `“${String(value)}”`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function joinNames(ids: readonly string[], names: ReadonlyMap<string, string>, unknown: string): string {
  const known = ids.map((id) => names.get(id));
  const named = known.filter((n): n is string => !!n);
  const missing = known.length - named.length;
  const parts = missing > 0 ? [...named, missing === 1 ? unknown : `${missing} ${unknown}s`] : named;
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** One change, as the phrase that follows the actor's name. */
export function describeChange(change: Change, names: TimelineNames): string[] {
  const { field } = change;
  if (field === 'assigneeIds') {
    const phrases = [];
    if (change.added.length) phrases.push(`assigned ${joinNames(change.added, names.user, 'former member')}`);
    if (change.removed.length) phrases.push(`unassigned ${joinNames(change.removed, names.user, 'former member')}`);
    return phrases;
  }
  if (field === 'tagIds') {
    const phrases = [];
    if (change.added.length) phrases.push(`added the tag${change.added.length > 1 ? 's' : ''} ${joinNames(change.added, names.tag, 'deleted tag')}`);
    if (change.removed.length) phrases.push(`removed the tag${change.removed.length > 1 ? 's' : ''} ${joinNames(change.removed, names.tag, 'deleted tag')}`);
    return phrases;
  }
  if (field === 'description') return [change.to ? 'changed the description' : 'cleared the description'];
  if (field === 'parentId') return [change.to ? 'moved it under another item' : 'made it a top-level item'];
  if (field === 'completedAt') return [];
  if (change.from === null || change.from === undefined) return [`set ${fieldLabel(field)} to ${valueText(field, change.to, names)}`];
  if (change.to === null || change.to === undefined) return [`cleared ${fieldLabel(field)} (was ${valueText(field, change.from, names)})`];
  return [`changed ${fieldLabel(field)} from ${valueText(field, change.from, names)} to ${valueText(field, change.to, names)}`];
}

function sentenceList(phrases: string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** "Ada changed status from To do to Done": one history entry in words. */
export function describeActivity(activity: ActivityNode, names: TimelineNames): string {
  const actor = activity.actor?.name ?? 'Someone';
  switch (activity.action) {
    case 'CREATED':
      return `${actor} created the item`;
    case 'DELETED':
      return `${actor} deleted the item`;
    case 'RESTORED':
      return `${actor} restored the item`;
    default: {
      const phrases = activity.changes.flatMap((change) => describeChange(change, names));
      return phrases.length ? `${actor} ${sentenceList(phrases)}` : `${actor} changed the item`;
    }
  }
}

/** "2 h ago": how long ago, roughly, in the largest unit that fits. */
export function timeAgo(at: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(at).getTime()) / 1000);
  if (Number.isNaN(seconds)) return at;
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} d ago`;
  return new Date(at).toLocaleDateString();
}
