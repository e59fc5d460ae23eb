import { Anchor, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import { useAuth } from '../auth/AuthProvider';
import { useSwitchTenant } from '../auth/useSwitchTenant';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusPanel } from '../components/StatusPanel';
import { describeError } from '../errors';
import { graphql } from '../gql';

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      membershipId
      role
      joinedAt
      tenant {
        id
        name
      }
    }
  }
`);

/** `/invitations/accept?token=…`: signed out, sign in or up first; then accept. */
export function AcceptInvitationPage() {
  const { session } = useAuth();
  const client = useClient();
  const switchTenant = useSwitchTenant();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<{ id: string; name: string; role: string } | null>(null);
  const here = `${location.pathname}${location.search}`;

  async function accept(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await client.mutation(AcceptInvitationDocument, { input: { token: token.trim() } }).toPromise();
      if (result.error) throw result.error;
      const payload = result.data?.acceptInvitation;
      if (payload) setJoined({ id: payload.tenant.id, name: payload.tenant.name, role: payload.role });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function open() {
    if (!joined) return;
    setBusy(true);
    try {
      await switchTenant(joined.id);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Container size={480} py="xl" component="main">
      <Title order={1} mb="lg">
        Accept an invitation
      </Title>
      {!session ? (
        <Paper withBorder p="lg">
          <Stack>
            <Text>
              To join, sign in with the email address the invitation was sent to, or create an account with it. You
              come back here afterwards.
            </Text>
            <Group>
              <Button component={Link} to={`/signin?next=${encodeURIComponent(here)}`}>
                Sign in
              </Button>
              <Button variant="default" component={Link} to={`/signup?next=${encodeURIComponent(here)}`}>
                Create an account
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : joined ? (
        <Paper withBorder p="lg">
          <Stack>
            <StatusPanel color="green" title="Invitation accepted">
              You joined {joined.name} as {joined.role}.
            </StatusPanel>
            <ErrorAlert error={error} />
            <Group>
              <Button onClick={open} loading={busy}>
                Open {joined.name}
              </Button>
              <Anchor component={Link} to="/">
                Stay where I am
              </Anchor>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={accept} aria-label="Accept the invitation">
          <Stack>
            <TextInput
              label="Invitation token"
              description="From the invitation link you were given."
              required
              value={token}
              error={error ? describeError(error).fields.token : undefined}
              onChange={(e) => setToken(e.currentTarget.value)}
            />
            <ErrorAlert error={error} title="Could not accept the invitation" />
            <Button type="submit" loading={busy} disabled={!token.trim()}>
              Accept invitation
            </Button>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
