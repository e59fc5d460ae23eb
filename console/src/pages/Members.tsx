import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useAccess } from '../access';
import { ErrorAlert } from '../components/ErrorAlert';
import { InvitationsTable } from './InvitationsTable';
import { InviteMemberForm } from './InviteMemberForm';
import { MembersTable } from './MembersTable';
import { useRoleOptions } from './MembersOperations';

export function MembersPage() {
  const { can } = useAccess();
  const { roles, error: rolesError } = useRoleOptions();
  // A new invitation remounts the list, which then asks the server again.
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="xl">
      <Title order={1}>Members and invitations</Title>
      {(can('members.update') || can('members.invite')) && <ErrorAlert error={rolesError} title="Could not load the roles to choose from" />}
      <MembersTable roles={roles} />
      {can('members.invite') && <InviteMemberForm roles={roles} onInvited={() => setVersion((v) => v + 1)} />}
      <InvitationsTable key={version} />
    </Stack>
  );
}
