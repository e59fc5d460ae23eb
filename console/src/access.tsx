import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useQuery } from 'urql';
import { useAuth } from './auth/AuthProvider';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      name
      isPlatformAdmin
      memberships {
        role
        joinedAt
        tenant {
          id
          name
          slug
          status
          suspendedReason
        }
      }
    }
  }
`);

export const MyRolesDocument = graphql(`
  query MyRoles {
    roles {
      id
      name
      permissions
    }
  }
`);

/** What each built-in role holds, for when `roles` cannot be read. */
const VIEWER = ['tenant.read', 'members.read', 'roles.read', 'routing.read', 'teams.read', 'items.read'];
const MEMBER = [
  ...VIEWER,
  'routing.manage',
  'emails.route',
  'items.create',
  'items.update',
  'items.delete',
  'tags.manage',
  'comments.write',
];
const ADMIN = [
  ...MEMBER,
  'tenant.update',
  'members.invite',
  'members.update',
  'members.remove',
  'roles.manage',
  'audit.read',
  'connections.manage',
  'teams.manage',
  'comments.moderate',
];
export const BUILTIN_PERMISSIONS: Record<string, string[]> = {
  VIEWER,
  MEMBER,
  ADMIN,
  OWNER: [...ADMIN, 'owners.manage'],
};

export type Membership = MeQuery['me']['memberships'][number];

export interface Access {
  me: MeQuery['me'] | null;
  loading: boolean;
  error: unknown;
  /** The tenant the access token selects, if any. */
  tenantId: string | null;
  membership: Membership | null;
  role: string | null;
  permissions: ReadonlySet<string>;
  can: (permission: string) => boolean;
  refetchMe: () => void;
}

const AccessContext = createContext<Access | null>(null);

export function AccessProvider({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const tenantId = session?.claims?.tid ?? null;
  const [me, refetch] = useQuery({ query: MeDocument, pause: !session });
  const [roles] = useQuery({ query: MyRolesDocument, pause: !session || !tenantId });

  const value = useMemo<Access>(() => {
    const data = me.data?.me ?? null;
    const membership = data?.memberships.find((m) => m.tenant.id === tenantId) ?? null;
    const role = membership?.role ?? session?.claims?.role ?? null;
    const fromRoles = roles.data?.roles.find((r) => r.name.toUpperCase() === role?.toUpperCase());
    const list = fromRoles?.permissions ?? (role ? BUILTIN_PERMISSIONS[role.toUpperCase()] ?? [] : []);
    const permissions = new Set(tenantId ? list : []);
    return {
      me: data,
      loading: me.fetching && !data,
      error: me.error,
      tenantId,
      membership,
      role,
      permissions,
      can: (permission) => permissions.has(permission),
      refetchMe: () => refetch({ requestPolicy: 'network-only' }),
    };
  }, [me, roles.data, tenantId, session, refetch]);

  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

export function useAccess(): Access {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useAccess outside AccessProvider');
  return value;
}

/** For tests: a fixed access. */
export function StaticAccessProvider({ value, children }: { value: Access; children: ReactNode }) {
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}
