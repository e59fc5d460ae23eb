import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useAccess } from '../access';
import { graphql } from '../gql';

// The GraphQL operations of the members page.

export const MembersDocument = graphql(`
  query Members($first: Int, $after: String) {
    tenant {
      id
      members(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            role
            joinedAt
            user {
              id
              name
              email
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const InvitationsDocument = graphql(`
  query Invitations($first: Int, $after: String) {
    tenant {
      id
      invitations(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            email
            role
            createdAt
            expiresAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const RoleNamesDocument = graphql(`
  query RoleNames {
    roles {
      id
      name
      builtIn
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      token
      invitation {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      deletedId
    }
  }
`);

export const UpdateMemberRoleDocument = graphql(`
  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) {
      member {
        id
        role
        permissions
      }
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      deletedId
    }
  }
`);

/** The roles a member can be given by the viewer: OWNER only by owners. */
export function useRoleOptions(): { roles: string[]; error: unknown } {
  const { can } = useAccess();
  const [{ data, error }] = useQuery({ query: RoleNamesDocument });
  const roles = useMemo(
    () => (data?.roles ?? []).map((r) => r.name).filter((name) => name.toUpperCase() !== 'OWNER' || can('owners.manage')),
    [data, can],
  );
  return { roles, error };
}
