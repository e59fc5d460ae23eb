import type { ItemFilterInput, ItemOrderField, ItemOrderInput, ItemStatus, Priority, SortDirection } from '../../gql/graphql';
import { PRIORITIES, STATUSES } from './workLabels';

// The list's filters live in the URL query, so that a filtered list can be
// shared: `?status=TODO,DONE&assignee=…&order=DUE_DATE&dir=ASC`.

export const ORDER_FIELDS: ItemOrderField[] = ['CREATED_AT', 'UPDATED_AT', 'DUE_DATE', 'PRIORITY', 'TITLE'];

export const ORDER_LABELS: Record<string, string> = {
  CREATED_AT: 'Created',
  UPDATED_AT: 'Updated',
  DUE_DATE: 'Due date',
  PRIORITY: 'Priority',
  TITLE: 'Title',
  RELEVANCE: 'Relevance',
};

function list<T extends string>(params: URLSearchParams, key: string, allowed?: readonly T[]): T[] {
  const raw = params.get(key);
  if (!raw) return [];
  const values = raw.split(',').filter(Boolean) as T[];
  return allowed ? values.filter((v) => allowed.includes(v)) : values;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function date(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value && DATE.test(value) ? value : undefined;
}

/** The `items` filter the URL asks for; only what is set is sent. */
export function filterFromParams(params: URLSearchParams): ItemFilterInput {
  const filter: ItemFilterInput = {};
  const status = list<ItemStatus>(params, 'status', STATUSES);
  if (status.length) filter.status = status;
  const priority = list<Priority>(params, 'priority', PRIORITIES);
  if (priority.length) filter.priority = priority;
  const assignee = params.get('assignee');
  if (assignee) filter.assigneeId = assignee;
  if (params.get('unassigned') === '1') filter.unassigned = true;
  const team = params.get('team');
  if (team) filter.teamId = team;
  const tags = list<string>(params, 'tags');
  if (tags.length) {
    filter.tagIds = tags;
    filter.tagMatch = params.get('tagMatch') === 'ANY' ? 'ANY' : 'ALL';
  }
  const parent = params.get('parent');
  if (parent) filter.parentId = parent;
  if (params.get('top') === '1') filter.topLevelOnly = true;
  const dueBefore = date(params, 'dueBefore');
  if (dueBefore) filter.dueBefore = dueBefore;
  const dueAfter = date(params, 'dueAfter');
  if (dueAfter) filter.dueAfter = dueAfter;
  if (params.get('overdue') === '1') filter.overdue = true;
  const createdBy = params.get('createdBy');
  if (createdBy) filter.createdBy = createdBy;
  const search = params.get('q')?.trim();
  if (search) filter.search = search.slice(0, 200);
  return filter;
}

/** The item list showing every direct subtask of an item. */
export function subtasksListPath(parentId: string): string {
  return `/work/items?${new URLSearchParams({ parent: parentId })}`;
}

/** The orders open to the list: relevance only with a search, which it needs. */
export function orderFields(params: URLSearchParams): ItemOrderField[] {
  return params.get('q')?.trim() ? ['RELEVANCE', ...ORDER_FIELDS] : ORDER_FIELDS;
}

/** The order the URL asks for; the best matches first with a search, the
 * newest first (the API's own) otherwise. */
export function orderFromParams(params: URLSearchParams): ItemOrderInput {
  const fields = orderFields(params);
  const field = params.get('order');
  const direction: SortDirection = params.get('dir') === 'ASC' ? 'ASC' : 'DESC';
  return { field: field && (fields as string[]).includes(field) ? (field as ItemOrderField) : fields[0]!, direction };
}

/** The URL query with one parameter changed; empty values are dropped. */
export function withParam(params: URLSearchParams, key: string, value: string | string[] | boolean | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = Array.isArray(value) ? value.join(',') : value === true ? '1' : value === false ? '' : (value ?? '');
  if (text) next.set(key, text);
  else next.delete(key);
  return next;
}
