import { Button, Code, CopyButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusPanel } from '../components/StatusPanel';
import { describeError } from '../errors';
import { InviteMemberDocument } from './MembersOperations';

/** The link an invitee opens. */
export function invitationLink(token: string, origin = window.location.origin): string {
  return `${origin}/invitations/accept?token=${encodeURIComponent(token)}`;
}

/** Invites someone by email, then shows the invitation's link once, to copy
 * and pass on. `roles` are the roles the viewer can give. */
export function InviteMemberForm({ roles, onInvited }: { roles: string[]; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>('MEMBER');
  const [state, invite] = useMutation(InviteMemberDocument);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<{ email: string; link: string } | null>(null);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setIssued(null);
    const result = await invite({ input: { email, role: role ?? '' } });
    if (result.error) {
      setError(result.error);
      return;
    }
    const token = result.data?.inviteMember.token;
    if (token) setIssued({ email, link: invitationLink(token) });
    setEmail('');
    onInvited();
  }

  return (
    <section aria-labelledby="invite-heading">
      <Title order={2} id="invite-heading" mb="sm">
        Invite someone
      </Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Invite a member">
        <Group align="flex-start" wrap="wrap">
          <TextInput label="Email" type="email" required value={email} error={fields.email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
          <Select label="Role" data={roles} value={role} onChange={setRole} allowDeselect={false} error={fields.role} w={200} />
          <Button type="submit" mt={25} loading={state.fetching}>
            Send invitation
          </Button>
        </Group>
        <Stack mt="sm">
          <ErrorAlert error={error} title="Could not invite" />
          {issued && (
            <StatusPanel color="green" title={`Invitation for ${issued.email}`}>
              <Text size="sm">The link is shown only now: copy it and pass it on to the invitee.</Text>
              <Group mt="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} aria-label="Invitation link">
                  {issued.link}
                </Code>
                <CopyButton value={issued.link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant={copied ? 'filled' : 'default'} onClick={copy}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </StatusPanel>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
