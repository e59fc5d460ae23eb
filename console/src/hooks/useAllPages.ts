import { useEffect, useRef, useState } from 'react';
import { type AnyVariables, CombinedError, type TypedDocumentNode, useClient } from 'urql';
import type { Connection } from './usePagedList';

/** The API's largest page (`first` ≤ 100). */
const API_MAX_PAGE = 100;

/** How many entries a picker loads at most: enough for any tenant we know
 * of, few enough that loading them stays quick. */
export const ALL_PAGES_CAP = 2000;

/** Every entry of a connection, up to a cap. */
export interface AllPages<Node> {
  /** The entries loaded so far, in the connection's order; `undefined`
   * until the first page arrives (or when it failed). */
  nodes: Node[] | undefined;
  /** More pages are on their way. */
  fetching: boolean;
  /** Why a page failed; the pages before it stay in `nodes`. */
  error: CombinedError | undefined;
  /** The connection holds more than the cap: only the first entries were loaded. */
  truncated: boolean;
}

interface AllPagesOptions<Data, Variables extends AnyVariables, Node> {
  query: TypedDocumentNode<Data, Variables>;
  /** The query's other variables; `first` and `after` belong to the hook.
   * They are compared by value, so a new object with the same values
   * does not reload. */
  variables?: Omit<Variables, 'first' | 'after'>;
  /** Where the connection sits in the query's answer. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  pause?: boolean;
  cap?: number;
}

const IDLE = { nodes: undefined, fetching: false, error: undefined, truncated: false };

/** Loads a connection page after page, following `endCursor` until
 * `hasNextPage` is false or `cap` entries are in. Pages are asked for one
 * at a time; the entries show as they arrive. On unmount, or when the
 * variables change, the answer of the page under way is dropped and no
 * further page is asked for. */
export function useAllPages<Data, Variables extends AnyVariables, Node>({
  query,
  variables,
  connection,
  pause = false,
  cap = ALL_PAGES_CAP,
}: AllPagesOptions<Data, Variables, Node>): AllPages<Node> {
  const client = useClient();
  const [state, setState] = useState<AllPages<Node>>(IDLE);
  const key = JSON.stringify(variables ?? {});
  // The latest `connection` is used, without reloading when a caller
  // passes a new function on every render.
  const read = useRef(connection);
  read.current = connection;

  useEffect(() => {
    if (pause) {
      setState(IDLE);
      return;
    }
    let cancelled = false;
    const base = JSON.parse(key) as Record<string, unknown>;
    setState({ ...IDLE, fetching: true });

    async function load() {
      const nodes: Node[] = [];
      let after: string | null = null;
      for (;;) {
        const pageVariables = { ...base, first: Math.min(API_MAX_PAGE, cap - nodes.length), after } as unknown as Variables;
        const result = await client.query(query, pageVariables).toPromise();
        if (cancelled) return;
        const page = result.data ? read.current(result.data) : undefined;
        if (result.error || !page) {
          setState({ nodes: nodes.length > 0 ? nodes : undefined, fetching: false, error: result.error, truncated: false });
          return;
        }
        nodes.push(...page.edges.map((edge) => edge.node));
        const more = page.pageInfo.hasNextPage;
        const endCursor = page.pageInfo.endCursor;
        const next = more && nodes.length < cap && endCursor ? endCursor : null;
        setState({ nodes: [...nodes], fetching: next !== null, error: undefined, truncated: more && next === null });
        if (next === null) return;
        after = next;
      }
    }

    load().catch((thrown: unknown) => {
      // An answer of an unexpected shape: reported like a failed page.
      if (!cancelled) setState({ ...IDLE, error: new CombinedError({ networkError: thrown instanceof Error ? thrown : new Error(String(thrown)) }) });
    });
    return () => {
      cancelled = true;
    };
  }, [client, query, key, pause, cap]);

  return state;
}

/** A picker's description when it could not offer every entry; `undefined`
 * when it did. */
export function truncatedNote(truncated: boolean, things: string, cap = ALL_PAGES_CAP): string | undefined {
  return truncated ? `Showing the first ${cap.toLocaleString('en-US')} ${things}; the rest are not listed here.` : undefined;
}
