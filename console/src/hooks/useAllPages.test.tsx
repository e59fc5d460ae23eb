import { CombinedError } from '@urql/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { type Client, Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { ItemsDocument, TagsDocument } from '../pages/work/WorkOperations';
import { ALL_PAGES_CAP, truncatedNote, useAllPages } from './useAllPages';

type Variables = { first: number; after: string | null; filter?: unknown };
type Answer = { data?: unknown; error?: CombinedError };

/** A client whose `query` answers with what `answer` returns for the
 * variables, and records every page asked for. */
function fakeClient(answer: (variables: Variables) => Answer | Promise<Answer>) {
  const asked: Variables[] = [];
  const client = {
    query: vi.fn((_document: unknown, variables: Variables) => {
      asked.push(variables);
      return { toPromise: () => Promise.resolve(answer(variables)) };
    }),
  } as unknown as Client;
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return { asked, wrapper };
}

/** Tags `from`…`from + count - 1`, the cursor of each being its number. */
function tagPage(from: number, count: number, hasNextPage: boolean): Answer {
  const edges = Array.from({ length: count }, (_, i) => ({ cursor: String(from + i), node: { id: `tag-${from + i}`, name: `Tag ${from + i}` } }));
  return { data: { tags: { edges, pageInfo: { hasNextPage, endCursor: count ? String(from + count - 1) : null } } } };
}

const tags = (cap?: number) => () => useAllPages({ query: TagsDocument, connection: (data) => data.tags, cap });

describe('useAllPages', () => {
  it('joins every page in order, asking for each with the previous end cursor', async () => {
    const { asked, wrapper } = fakeClient(({ after }) => (after === null ? tagPage(0, 100, true) : after === '99' ? tagPage(100, 100, true) : tagPage(200, 30, false)));
    const { result } = renderHook(tags(), { wrapper });
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(asked).toEqual([
      { first: 100, after: null },
      { first: 100, after: '99' },
      { first: 100, after: '199' },
    ]);
    expect(result.current.nodes?.map((node) => node.id)).toEqual(Array.from({ length: 230 }, (_, i) => `tag-${i}`));
    expect(result.current.error).toBeUndefined();
    expect(result.current.truncated).toBe(false);
  });

  it('reports an error on the second page, keeps the first and asks for no more', async () => {
    const error = new CombinedError({ networkError: new Error('connection reset') });
    const { asked, wrapper } = fakeClient(({ after }) => (after === null ? tagPage(0, 100, true) : { error }));
    const { result } = renderHook(tags(), { wrapper });
    await waitFor(() => expect(result.current.error).toBe(error));
    expect(result.current.fetching).toBe(false);
    expect(result.current.nodes).toHaveLength(100);
    expect(asked).toHaveLength(2);
  });

  it('reports an answer of an unexpected shape as an error instead of loading forever', async () => {
    const { wrapper } = fakeClient(() => ({ data: { tags: { edges: [] } } }));
    const { result } = renderHook(tags(), { wrapper });
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.fetching).toBe(false);
  });

  it(`stops at ${ALL_PAGES_CAP} entries and says the list is truncated`, async () => {
    const { asked, wrapper } = fakeClient(({ after, first }) => tagPage(after === null ? 0 : Number(after) + 1, first, true));
    const { result } = renderHook(tags(), { wrapper });
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(result.current.nodes).toHaveLength(ALL_PAGES_CAP);
    expect(result.current.truncated).toBe(true);
    expect(asked).toHaveLength(ALL_PAGES_CAP / 100);
    expect(truncatedNote(result.current.truncated, 'tags')).toBe('Showing the first 2,000 tags; the rest are not listed here.');
  });

  it('asks for no more than the cap leaves room for', async () => {
    const { asked, wrapper } = fakeClient(({ after, first }) => tagPage(after === null ? 0 : Number(after) + 1, first, true));
    const { result } = renderHook(tags(150), { wrapper });
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(asked.map((v) => v.first)).toEqual([100, 50]);
    expect(result.current.nodes).toHaveLength(150);
    expect(result.current.truncated).toBe(true);
  });

  it('is not truncated when the last page ends exactly at the cap', async () => {
    const { wrapper } = fakeClient(({ after }) => (after === null ? tagPage(0, 100, true) : tagPage(100, 50, false)));
    const { result } = renderHook(tags(150), { wrapper });
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(result.current.nodes).toHaveLength(150);
    expect(result.current.truncated).toBe(false);
  });

  it('drops the page under way on unmount and asks for no more', async () => {
    let answerFirst: (answer: Answer) => void = () => {};
    const { asked, wrapper } = fakeClient(() => new Promise<Answer>((resolve) => (answerFirst = resolve)));
    const { unmount } = renderHook(tags(), { wrapper });
    await waitFor(() => expect(asked).toHaveLength(1));
    unmount();
    await act(async () => answerFirst(tagPage(0, 100, true)));
    expect(asked).toHaveLength(1);
  });

  it('loads again from the first page when the variables change, and not when only their object is new', async () => {
    const { asked, wrapper } = fakeClient(() => ({ data: { items: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    const { result, rerender } = renderHook(
      ({ status }: { status: 'TODO' | 'DONE' }) => useAllPages({ query: ItemsDocument, variables: { filter: { status: [status] } }, connection: (data) => data.items }),
      { wrapper, initialProps: { status: 'TODO' } },
    );
    await waitFor(() => expect(result.current.nodes).toEqual([]));
    rerender({ status: 'TODO' });
    rerender({ status: 'DONE' });
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked.map((v) => v.filter)).toEqual([{ status: ['TODO'] }, { status: ['DONE'] }]);
    expect(asked[1]?.after).toBeNull();
  });
});
