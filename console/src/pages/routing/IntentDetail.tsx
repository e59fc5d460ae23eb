import { Anchor, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAccess } from '../../access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IntentDocument } from './IntentOperations';
import { IntentRules } from './IntentRules';
import { IntentSettingsForm } from './IntentSettingsForm';

export function IntentPage() {
  const { id = '' } = useParams();
  const { can } = useAccess();
  const canManage = can('routing.manage');
  const [{ data, error, fetching }, refetch] = useQuery({ query: IntentDocument, variables: { id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const intent = data?.intent;

  return (
    <Stack>
      <Anchor component={Link} to="/routing/intents" size="sm">
        ← All intents
      </Anchor>
      <Title order={1}>{intent ? `Intent: ${intent.name}` : fetching ? 'Loading intent…' : 'Intent'}</Title>
      <ErrorAlert error={error} title="Could not load the intent" />
      {intent && (
        <>
          <section aria-labelledby="settings-heading">
            <Title order={2} id="settings-heading" mb="sm">
              Settings and matchers
            </Title>
            {/* Remounted when the intent changes on the server, to show what it now holds. */}
            <IntentSettingsForm key={intent.updatedAt} intent={intent} canManage={canManage} />
          </section>
          <IntentRules intent={intent} canManage={canManage} onChanged={reload} />
        </>
      )}
    </Stack>
  );
}
