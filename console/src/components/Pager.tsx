import { Button, Group, Text } from '@mantine/core';

interface PagerProps {
  label: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous/next over a Relay connection's `pageInfo`. */
export function Pager({ label, page, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <Group component="nav" aria-label={`${label} pages`} gap="sm" mt="sm">
      <Button variant="default" size="xs" onClick={onPrevious} disabled={!hasPrevious}>
        Previous page
      </Button>
      <Text size="sm" aria-live="polite">
        Page {page}
      </Text>
      <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext}>
        Next page
      </Button>
    </Group>
  );
}
