import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled part of the item page, a region named by its title. */
export function ItemSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
