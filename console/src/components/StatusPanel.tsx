import { Box, type MantineColor, Paper, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** A message that is not an error (a confirmation, an issued link, an
 * undo offer): a polite live region, `role="status"`, named by its title,
 * so screen readers announce it without interrupting. It looks like a
 * light Mantine `Alert`, which always renders `role="alert"` and is kept
 * for errors (`ErrorAlert`). */
export function StatusPanel({ color, title, children }: { color: MantineColor; title?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Paper role="status" aria-labelledby={title ? titleId : undefined} p="md" bg={`var(--mantine-color-${color}-light)`}>
      {title && (
        <Text id={titleId} size="sm" fw={700} mb="xs" c={`var(--mantine-color-${color}-light-color)`}>
          {title}
        </Text>
      )}
      <Box fz="sm">{children}</Box>
    </Paper>
  );
}
