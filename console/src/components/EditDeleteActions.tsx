import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton';

interface EditDeleteActionsProps {
  /** The record's name, which the buttons' accessible names end with. */
  name: string;
  /** Starts the edit button's accessible name, "{editVerb} {name}", and is its
   * text unless `editText` says more. */
  editVerb?: string;
  editText?: string;
  onEdit: () => void;
  /** What is asked before deleting; "Delete {name}?" by default. */
  deleteQuestion?: string;
  onDelete: () => void | Promise<void>;
  /** Other actions on the record, between editing and deleting. */
  children?: ReactNode;
}

/** A listed record's actions: edit it, and delete it once confirmed. */
export function EditDeleteActions({ name, editVerb = 'Edit', editText = editVerb, onEdit, deleteQuestion = `Delete ${name}?`, onDelete, children }: EditDeleteActionsProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`${editVerb} ${name}`}>
        {editText}
      </Button>
      {children}
      <ConfirmButton question={deleteQuestion} aria-label={`Delete ${name}`} onConfirm={onDelete}>
        Delete
      </ConfirmButton>
    </Group>
  );
}
