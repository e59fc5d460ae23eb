import { useCallback } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import { useAuth } from './AuthProvider';

export const SwitchTenantDocument = graphql(`
  mutation SwitchTenant($input: SwitchTenantInput!) {
    switchTenant(input: $input) {
      refreshToken
      role
      tenant {
        id
        name
      }
    }
  }
`);

/**
 * Selects another tenant: the new refresh token goes straight to the
 * cookie, and the new access token (another `tid`) makes the app start a
 * fresh GraphQL client, so nothing of the previous tenant stays cached.
 */
export function useSwitchTenant() {
  const client = useClient();
  const { manager } = useAuth();
  return useCallback(
    async (tenantId: string) => {
      const result = await client
        .mutation(SwitchTenantDocument, { input: { tenantId } }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error) throw result.error;
      const refreshToken = result.data?.switchTenant.refreshToken;
      if (!refreshToken) throw new Error('the server issued no token');
      await manager.adopt(refreshToken);
      return result.data?.switchTenant.tenant ?? null;
    },
    [client, manager],
  );
}
