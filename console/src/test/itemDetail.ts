import type { ItemDetail } from '../pages/work/WorkOperations';

/** An item as the item page loads it, with `overrides` applied. */
export function itemDetail(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    id: 'item-1',
    title: 'Write the changelog',
    description: null,
    status: 'TODO',
    priority: 'MEDIUM',
    dueDate: null,
    version: 3,
    updatedAt: '2030-01-02T10:00:00Z',
    createdAt: '2030-01-01T10:00:00Z',
    completedAt: null,
    estimatedHours: null,
    actualHours: null,
    commentCount: 0,
    creator: { id: 'user-ada', name: 'Ada' },
    team: null,
    parent: null,
    assignees: [],
    tags: [],
    progress: { total: 0, done: 0 },
    subtasks: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    ...overrides,
  };
}
