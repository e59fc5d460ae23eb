import { Alert, List, Text } from '@mantine/core';
import { describeError, type FieldErrors } from '../errors';

/** An error as people should read it; `null` renders nothing. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const described = describeError(error);
  return (
    <Alert color="red" title={title ?? 'That did not work'} role="alert" variant="light">
      <Text size="sm">{described.message}</Text>
      {described.detail && (
        <Text size="sm" mt={4}>
          Server said: {described.detail}
        </Text>
      )}
      {described.retryAfter !== undefined && (
        <Text size="sm" mt={4}>
          Try again in {described.retryAfter} s.
        </Text>
      )}
    </Alert>
  );
}

/** Field errors that no input of the form shows, listed under it. */
export function FieldErrorList({ fields }: { fields: FieldErrors }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <Alert color="red" variant="light" title="Other problems" role="alert">
      <List size="sm">
        {entries.map(([field, message]) => (
          <List.Item key={field}>
            <code>{field}</code>: {message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
