import { describe, expect, it } from 'vitest';
import { type ActivityNode, describeActivity, timeAgo, type TimelineNames } from './timeline';

const names: TimelineNames = {
  user: new Map([
    ['u-grace', 'Grace'],
    ['u-alan', 'Alan'],
  ]),
  team: new Map([['team-1', 'Platform']]),
  tag: new Map([['tag-1', 'bug']]),
};

function activity(action: ActivityNode['action'], changes: Partial<ActivityNode['changes'][number]>[], actor: string | null = 'Ada'): ActivityNode {
  return {
    id: 'a1',
    action,
    at: '2030-01-01T10:00:00Z',
    actor: actor ? { id: 'u-ada', name: actor } : null,
    item: { id: 'i1' },
    changes: changes.map((c) => ({ field: 'status', from: null, to: null, added: [], removed: [], ...c })),
  };
}

describe('the history timeline', () => {
  it('names the status and priority values as the console shows them', () => {
    expect(describeActivity(activity('UPDATED', [{ field: 'status', from: 'TODO', to: 'DONE' }]), names)).toBe('Ada changed status from To do to Done');
    expect(describeActivity(activity('UPDATED', [{ field: 'status', from: 'TODO', to: 'IN_PROGRESS' }, { field: 'priority', from: 'MEDIUM', to: 'URGENT' }]), names)).toBe(
      'Ada changed status from To do to In progress and changed priority from Medium to Urgent',
    );
  });

  it('names assignees and tags added or removed, where the names are known', () => {
    expect(describeActivity(activity('UPDATED', [{ field: 'assigneeIds', added: ['u-grace', 'u-alan'], removed: ['u-gone'] }]), names)).toBe(
      'Ada assigned Grace and Alan and unassigned former member',
    );
    expect(describeActivity(activity('UPDATED', [{ field: 'tagIds', added: ['tag-1'], removed: ['tag-x', 'tag-y'] }]), names)).toBe(
      'Ada added the tag bug and removed the tags 2 deleted tags',
    );
  });

  it('says what was set, cleared, created, deleted and restored', () => {
    expect(describeActivity(activity('UPDATED', [{ field: 'teamId', from: null, to: 'team-1' }]), names)).toBe('Ada set team to Platform');
    expect(describeActivity(activity('UPDATED', [{ field: 'estimatedHours', from: 3, to: null }]), names)).toBe('Ada cleared estimated hours (was 3 h)');
    expect(describeActivity(activity('UPDATED', [{ field: 'description', from: 'a', to: 'b' }]), names)).toBe('Ada changed the description');
    expect(describeActivity(activity('CREATED', [{ field: 'title', to: 'x' }]), names)).toBe('Ada created the item');
    expect(describeActivity(activity('DELETED', [], null), names)).toBe('Someone deleted the item');
    expect(describeActivity(activity('RESTORED', []), names)).toBe('Ada restored the item');
  });

  it('says how long ago in the largest unit that fits', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    expect(timeAgo('2030-01-01T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2030-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2030-01-01T10:00:00Z', now)).toBe('2 h ago');
    expect(timeAgo('2029-12-29T12:00:00Z', now)).toBe('3 d ago');
  });
});
