import { useCallback, useState } from 'react';

export const PAGE_SIZE = 20;

/**
 * Forward Relay paging with a way back: remembers the `after` cursor of
 * every page seen, so "Previous" returns to the exact page it came from.
 */
export function usePager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((stack) => [...stack, endCursor]);
  }, []);
  const previous = useCallback(() => {
    setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));
  }, []);
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, hasPrevious: cursors.length > 1, next, previous, reset };
}
