import { useState } from 'react';

/** A mutation as a list's row runs it: urql's `OperationResult` fits. */
export type Mutation<Data> = () => Promise<{ data?: Data | null; error?: unknown }>;

/** The item a list deleted last, kept so that it can be restored. */
export interface DeletedItem<Data = unknown> {
  id: string;
  name: string;
  /** What the delete mutation answered (e.g. the rules deleted with it). */
  result: Data;
}

export interface ListActions<DeleteData = unknown> {
  /** Why the last action failed, for an `ErrorAlert`; `null` when it did not. */
  error: unknown;
  deleted: DeletedItem<DeleteData> | null;
  /** Runs a mutation; answers its data, or `undefined` once its error is kept. */
  run: <Data>(mutation: Mutation<Data>) => Promise<Data | undefined>;
  /** Runs a mutation that changes the list, and reloads it when it worked. */
  change: <Data>(mutation: Mutation<Data>) => Promise<Data | undefined>;
  /** Deletes an item and offers to restore it. */
  remove: (item: { id: string; name: string }, mutation: Mutation<DeleteData>) => Promise<void>;
  /** Restores the item deleted last. */
  restore: () => Promise<void>;
}

/** What a list's rows do: every action clears the last error and keeps its
 * own, a change reloads the list, and a deletion can be undone. */
export function useListActions<DeleteData = unknown>({
  onChanged,
  restore,
}: {
  onChanged: () => void;
  /** The restore mutation for a deleted item's id; without it nothing is offered. */
  restore?: (id: string) => Promise<{ data?: unknown; error?: unknown }>;
}): ListActions<DeleteData> {
  const [error, setError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<DeletedItem<DeleteData> | null>(null);

  async function run<Data>(mutation: Mutation<Data>): Promise<Data | undefined> {
    setError(null);
    const result = await mutation();
    if (result.error) {
      setError(result.error);
      return undefined;
    }
    return result.data ?? undefined;
  }

  async function change<Data>(mutation: Mutation<Data>): Promise<Data | undefined> {
    const data = await run(mutation);
    if (data !== undefined) onChanged();
    return data;
  }

  return {
    error,
    deleted,
    run,
    change,
    remove: async (item, mutation) => {
      const result = await change(mutation);
      if (result !== undefined) setDeleted({ id: item.id, name: item.name, result });
    },
    restore: async () => {
      if (!deleted || !restore) return;
      const { id } = deleted;
      if ((await change(() => restore(id))) !== undefined) setDeleted(null);
    },
  };
}
