import type { CombinedError } from '@urql/core';
import type { ItemStatus, Priority } from '../../gql/graphql';

export const STATUSES: ItemStatus[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'ARCHIVED'];
export const PRIORITIES: Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  DONE: 'Done',
  ARCHIVED: 'Archived',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  URGENT: 'Urgent',
};

export const PRIORITY_COLORS: Record<Priority, string> = { LOW: 'gray', MEDIUM: 'blue', HIGH: 'orange', URGENT: 'red' };

export const statusOptions = STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
export const priorityOptions = PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));

/** The item's version the server holds now, when a change was refused
 * because someone else changed the item first. */
export function conflictVersion(error: CombinedError | undefined | null): number | null {
  const first = error?.graphQLErrors?.[0];
  if (first?.extensions?.code !== 'CONFLICT') return null;
  const current = first.extensions.currentVersion;
  return typeof current === 'number' ? current : null;
}

/** A due date as the reader writes dates; dates have no time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return value;
  return new Date(year, month - 1, day).toLocaleDateString();
}
