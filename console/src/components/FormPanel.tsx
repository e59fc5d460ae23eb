import { Paper, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

/** A create or edit form shown in the page, its heading focused on opening
 * so keyboard and screen reader users land on it. */
export function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <Paper withBorder p="md" shadow="xs" component="section" aria-label={title}>
      <Title order={2} size="h3" mb="sm" ref={heading} tabIndex={-1}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
