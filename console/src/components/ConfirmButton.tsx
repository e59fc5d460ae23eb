import { Button, Group, type ButtonProps } from '@mantine/core';
import { useState } from 'react';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The button's text, e.g. "Remove". */
  children: string;
  /** What the confirmation asks, e.g. "Remove Ada?" */
  question: string;
  onConfirm: () => void | Promise<void>;
  'aria-label'?: string;
}

/** A destructive action that asks once more, inline, before it runs. */
export function ConfirmButton({ children, question, onConfirm, loading, ...rest }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button color="red" variant="light" size="xs" loading={loading} {...rest} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <Group gap={4} role="group" aria-label={question}>
      <span style={{ fontSize: 'var(--mantine-font-size-xs)' }}>{question}</span>
      <Button
        color="red"
        size="xs"
        autoFocus
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        Yes, {children.toLowerCase()}
      </Button>
      <Button variant="default" size="xs" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </Group>
  );
}
