import { type ComboboxItem, type OptionsFilter, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../../errors';
import { type ItemDetail, ParentChoicesDocument } from './WorkOperations';

/** How many items the picker offers at a time. */
const CHOICES = 20;
/** Typing pauses this long before the server is asked. */
const SEARCH_DELAY_MS = 250;
/** The longest search the API takes. */
const SEARCH_MAX = 200;

// The server has already chosen and ordered the options; Mantine's own
// filter would drop matches found in a description or a comment.
const keepServerOptions: OptionsFilter = ({ options }) => options;

/** The variables of the search for `text`: the best matches, or without
 * words the items updated last. */
export function parentChoicesVariables(text: string) {
  return text
    ? { first: CHOICES, filter: { search: text.slice(0, SEARCH_MAX) }, orderBy: { field: 'RELEVANCE', direction: 'DESC' } as const }
    : { first: CHOICES, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } as const };
}

interface ParentItemSelectProps {
  item: ItemDetail;
  value: string | null;
  onChange: (parentId: string | null) => void;
  disabled: boolean;
}

/** Picks an item's parent among items the server finds as the user types.
 * The current parent stays an option whatever the search; the item itself
 * and its direct subtasks are never offered (the server refuses cycles). */
export function ParentItemSelect({ item, value, onChange, disabled }: ParentItemSelectProps) {
  const [search, setSearch] = useState('');
  // The parent picked in this form: its title is known only from the search that found it.
  const [picked, setPicked] = useState<ComboboxItem | null>(null);

  const kept: ComboboxItem[] = [];
  if (item.parent) kept.push({ value: item.parent.id, label: item.parent.title });
  if (picked && picked.value === value && picked.value !== item.parent?.id) kept.push(picked);
  const selectedLabel = kept.find((option) => option.value === value)?.label;
  // Once chosen, the box shows the parent's title: that is not a search.
  const text = search.trim() === selectedLabel?.trim() ? '' : search.trim();
  const [debounced] = useDebouncedValue(text, SEARCH_DELAY_MS);
  const [{ data, fetching, error }] = useQuery({ query: ParentChoicesDocument, variables: parentChoicesVariables(debounced), pause: disabled });

  const excluded = new Set([item.id, ...item.subtasks.edges.map((edge) => edge.node.id), ...kept.map((option) => option.value)]);
  const found = (data?.items.edges ?? []).map((edge) => edge.node).filter((node) => !excluded.has(node.id));
  const options = [...kept, ...found.map((node) => ({ value: node.id, label: node.title }))];
  const searching = fetching || text !== debounced;

  return (
    <Select
      label="Parent item"
      description={`Type whole words from its title, description or comments; without words, the ${CHOICES} items updated last.`}
      data={options}
      value={value}
      onChange={(next, option) => {
        setPicked(next ? option : null);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOptions}
      nothingFoundMessage={searching ? 'Searching…' : debounced ? 'No item has these words.' : 'No other item yet.'}
      error={error ? `Could not search the items: ${describeError(error).message}` : undefined}
      clearable
      placeholder="Top-level"
      disabled={disabled}
    />
  );
}
