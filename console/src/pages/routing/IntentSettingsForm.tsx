import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cleanMatchers, MatchersEditor } from '../../components/MatchersEditor';
import { describeError } from '../../errors';
import type { MatcherInput } from '../../gql/graphql';
import { type IntentNode, UpdateIntentDocument } from './IntentOperations';

/** An intent's name, description, priority, state and matchers; read-only
 * to those who cannot manage routing. */
export function IntentSettingsForm({ intent, canManage }: { intent: IntentNode; canManage: boolean }) {
  const [name, setName] = useState(intent.name);
  const [description, setDescription] = useState(intent.description ?? '');
  const [priority, setPriority] = useState(intent.priority);
  const [isActive, setIsActive] = useState(intent.isActive);
  const [matchers, setMatchers] = useState<MatcherInput[]>(intent.matchers.map((m) => ({ ...m })));
  const [state, update] = useMutation(UpdateIntentDocument);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const result = await update({
      input: { id: intent.id, name, description, priority, isActive, matchers: cleanMatchers(matchers) },
    });
    if (result.error) setError(result.error);
    else setSaved(true);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Intent settings">
      <Stack>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} readOnly={!canManage} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} readOnly={!canManage} />
        <Group>
          <NumberInput label="Priority" value={priority} onChange={(v) => setPriority(typeof v === 'number' ? v : Number(v) || 0)} error={fields.priority} w={200} readOnly={!canManage} />
          <Checkbox label="Active" mt="lg" checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} disabled={!canManage} />
        </Group>
        <MatchersEditor value={matchers} onChange={setMatchers} errors={fields} />
        <ErrorAlert error={error} title="Could not save the intent" />
        {saved && (
          <Text c="green.8" size="sm" role="status">
            Saved.
          </Text>
        )}
        {canManage && (
          <Group>
            <Button type="submit" loading={state.fetching}>
              Save intent
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
