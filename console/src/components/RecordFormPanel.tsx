import { Fragment, type ReactNode } from 'react';
import type { RecordForm } from '../hooks/useRecordForm';
import { FormPanel } from './FormPanel';

interface RecordFormPanelProps<Node> {
  form: RecordForm<Node>;
  /** The title while creating, e.g. "New team". */
  newTitle: string;
  /** The title while editing, e.g. "Rename Platform". */
  editTitle: (record: Node) => string;
  /** The form for the record, or for a new one (`null`), which calls `close`
   * when it is saved or cancelled. */
  children: (record: Node | null, close: () => void) => ReactNode;
}

/** A list page's create-or-edit form, in a panel while it is open. The form
 * is mounted afresh for each record, so that its fields, which start from
 * the record, never carry the previous record's values to the next. */
export function RecordFormPanel<Node extends { id: string }>({ form, newTitle, editTitle, children }: RecordFormPanelProps<Node>) {
  if (form.target === null) return null;
  const record = form.target === 'new' ? null : form.target;
  return (
    <FormPanel title={record === null ? newTitle : editTitle(record)}>
      <Fragment key={record?.id ?? 'new'}>{children(record, form.close)}</Fragment>
    </FormPanel>
  );
}
