import type { Client } from 'urql';
import { graphql } from '../gql';
import { SwitchTenantDocument } from './useSwitchTenant';

export const SignInMembershipsDocument = graphql(`
  query SignInMemberships {
    me {
      id
      memberships {
        tenant {
          id
        }
      }
    }
  }
`);

/**
 * Right after signing in, before the session is adopted: when the user
 * belongs to exactly one tenant, selects it (`switchTenant`, which rotates
 * the session's refresh token) and answers the refresh token to adopt, so
 * the console opens in that tenant. Otherwise, or if anything fails, the
 * sign-in's own refresh token is answered unchanged and the user picks a
 * tenant in the header.
 *
 * The calls carry the sign-in's access token themselves: no session is
 * adopted yet, so the client has no token of its own.
 */
export async function selectOnlyTenant(client: Client, accessToken: string, refreshToken: string): Promise<string> {
  const context = {
    requestPolicy: 'network-only' as const,
    fetchOptions: { headers: { Authorization: `Bearer ${accessToken}` } },
  };
  try {
    const me = await client.query(SignInMembershipsDocument, {}, context).toPromise();
    const memberships = me.data?.me.memberships ?? [];
    if (me.error || memberships.length !== 1 || !memberships[0]) return refreshToken;
    const switched = await client
      .mutation(SwitchTenantDocument, { input: { tenantId: memberships[0].tenant.id } }, context)
      .toPromise();
    return switched.data?.switchTenant.refreshToken ?? refreshToken;
  } catch {
    return refreshToken;
  }
}
