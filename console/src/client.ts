import { Client, cacheExchange, fetchExchange, type Operation } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { session as defaultSession, type SessionManager } from './auth/session';
import { getAccessToken, getSession } from './auth/tokens';

function sentToken(operation: Operation): boolean {
  const options =
    typeof operation.context.fetchOptions === 'function'
      ? operation.context.fetchOptions()
      : operation.context.fetchOptions;
  const headers = (options?.headers ?? {}) as Record<string, string>;
  return typeof headers.Authorization === 'string';
}

/**
 * The GraphQL client: `POST /graphql` on this origin with the in-memory
 * access token. A request answered UNAUTHENTICATED while it carried a token
 * refreshes the token from the cookie once and is sent again once.
 * A new client (and so an empty cache) is made for every user and tenant.
 */
export function makeClient(manager: SessionManager = defaultSession): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = getAccessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError() {
          const current = getSession();
          // Refresh first when the token is about to expire.
          return current !== null && Date.parse(current.expiresAt) - Date.now() < 5_000;
        },
        didAuthError(error, operation) {
          if (!sentToken(operation)) return false;
          return (
            error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
            (error.response as Response | undefined)?.status === 401
          );
        },
        async refreshAuth() {
          try {
            await manager.refresh();
          } catch {
            // Left as is: the retried request reports the failure.
          }
        },
      })),
      fetchExchange,
    ],
  });
}
