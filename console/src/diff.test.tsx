import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonDiff } from './components/JsonDiff';
import { diffJson } from './diff';

describe('diffJson', () => {
  it('marks added, removed, changed and unchanged keys', () => {
    const rows = diffJson({ name: 'Ada', role: 'MEMBER', note: 'x', tags: ['a'] }, { name: 'Ada', role: 'ADMIN', plan: 'PRO', tags: ['a'] });
    expect(rows).toEqual([
      { key: 'name', kind: 'unchanged', before: 'Ada', after: 'Ada' },
      { key: 'note', kind: 'removed', before: 'x' },
      { key: 'plan', kind: 'added', after: 'PRO' },
      { key: 'role', kind: 'changed', before: 'MEMBER', after: 'ADMIN' },
      { key: 'tags', kind: 'unchanged', before: ['a'], after: ['a'] },
    ]);
  });

  it('treats a missing before as all added, and compares nested values by content', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ key: 'a', kind: 'added', after: 1 }]);
    expect(diffJson({ c: { x: 1, y: 2 } }, { c: { y: 2, x: 1 } })[0]?.kind).toBe('unchanged');
  });
});

describe('JsonDiff', () => {
  it('shows before and after side by side with the changed keys marked', () => {
    render(
      <MantineProvider env="test">
        <JsonDiff before={{ role: 'MEMBER', name: 'Ada' }} after={{ role: 'ADMIN', name: 'Ada' }} caption="Role change" />
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: 'Role change' });
    expect(within(table).getByRole('columnheader', { name: 'Before' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'After' })).toBeInTheDocument();
    const role = within(table).getByRole('rowheader', { name: /role/ }).closest('tr')!;
    expect(role).toHaveAttribute('data-change', 'changed');
    expect(within(role).getByText('changed')).toBeInTheDocument();
    expect(within(role).getByText('"MEMBER"')).toBeInTheDocument();
    expect(within(role).getByText('"ADMIN"')).toBeInTheDocument();
    const name = within(table).getByRole('rowheader', { name: /name/ }).closest('tr')!;
    expect(name).toHaveAttribute('data-change', 'unchanged');
  });
});
