import { useState } from 'react';

/** Which record a page's create-or-edit form is open for. */
export interface RecordForm<Node> {
  /** `'new'` while creating one, the record while editing it, `null` when closed. */
  target: Node | 'new' | null;
  openNew: () => void;
  openEdit: (record: Node) => void;
  /** Closes the form once it is saved or cancelled. */
  close: () => void;
}

/** The open-or-closed state of a list page's form; `onClose` runs each
 * time it closes, e.g. to reload the list a save changed. */
export function useRecordForm<Node extends { id: string }>(onClose: () => void): RecordForm<Node> {
  const [target, setTarget] = useState<Node | 'new' | null>(null);
  return {
    target,
    openNew: () => setTarget('new'),
    openEdit: (record) => setTarget(record),
    close: () => {
      setTarget(null);
      onClose();
    },
  };
}
