import { type AnyVariables, type CombinedError, type TypedDocumentNode, type UseQueryArgs, useQuery } from 'urql';
import { PAGE_SIZE, usePager } from './usePager';

/** What a list reads of a Relay connection. */
export interface Connection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** One page of a connection, and the way to the others. */
export interface PagedList<Node> {
  /** The page's items; `undefined` until the first answer (or after a failed one). */
  nodes: Node[] | undefined;
  error: CombinedError | undefined;
  /** Nothing to show yet: the first answer is on its way. */
  loading: boolean;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
  /** Back to the first page, e.g. after the filters changed. */
  reset: () => void;
  /** Asks the server again, after a change the cache cannot know of. */
  reload: () => void;
}

interface PagedListOptions<Data, Variables extends AnyVariables, Node> {
  query: TypedDocumentNode<Data, Variables>;
  /** The query's other variables (filters); `first` and `after` belong to the pager. */
  variables?: Omit<Variables, 'first' | 'after'>;
  /** Where the connection sits in the query's answer. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  pause?: boolean;
}

/** A paged list over a Relay connection: `PAGE_SIZE` at a time, the next
 * page asked for with the current page's `pageInfo.endCursor`. */
export function usePagedList<Data, Variables extends AnyVariables, Node>({
  query,
  variables,
  connection,
  pause,
}: PagedListOptions<Data, Variables, Node>): PagedList<Node> {
  const pager = usePager();
  // The variables are assembled here, so TypeScript cannot see that they fit
  // the document's; the document itself types the answer.
  const args = { query, variables: { ...variables, first: PAGE_SIZE, after: pager.after }, pause } as unknown as UseQueryArgs<Variables, Data>;
  const [{ data, error, fetching }, refetch] = useQuery<Data, Variables>(args);
  const current = data ? connection(data) : undefined;
  return {
    nodes: current?.edges.map((edge) => edge.node),
    error,
    loading: fetching && !data,
    page: pager.page,
    hasPrevious: pager.hasPrevious,
    hasNext: !!current?.pageInfo.hasNextPage,
    previous: pager.previous,
    next: () => pager.next(current?.pageInfo.endCursor),
    reset: pager.reset,
    reload: () => refetch({ requestPolicy: 'network-only' }),
  };
}
