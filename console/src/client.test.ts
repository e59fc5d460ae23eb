import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql } from './gql';
import { createSessionManager } from './auth/session';
import { setSession } from './auth/tokens';
import { makeClient } from './client';

const MeNameDocument = graphql(`
  query MeName {
    me {
      id
      name
    }
  }
`);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const later = () => new Date(Date.now() + 15 * 60_000).toISOString();

describe('GraphQL client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setSession(null);
  });

  it('sends the access token, and on UNAUTHENTICATED refreshes once and retries once', async () => {
    setSession({ accessToken: 'stale', expiresAt: later() });
    const graphqlFetch = vi
      .fn()
      .mockResolvedValueOnce(json(200, { data: null, errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }))
      .mockResolvedValueOnce(json(200, { data: { me: { __typename: 'Me', id: 'u1', name: 'Ada' } } }));
    vi.stubGlobal('fetch', graphqlFetch);
    const authFetch = vi.fn().mockResolvedValue(json(200, { accessToken: 'fresh', expiresAt: later() }));
    const manager = createSessionManager({ fetch: authFetch, lock: (run) => run() });

    const result = await makeClient(manager).query(MeNameDocument, {}).toPromise();

    expect(result.data?.me.name).toBe('Ada');
    expect(authFetch).toHaveBeenCalledTimes(1);
    expect(authFetch.mock.calls[0]?.[0]).toBe('/auth/refresh');
    expect(graphqlFetch).toHaveBeenCalledTimes(2);
    const headers = (call: number) => (graphqlFetch.mock.calls[call]?.[1] as RequestInit).headers as Record<string, string>;
    expect(graphqlFetch.mock.calls[0]?.[0]).toBe('/graphql');
    expect(headers(0).authorization).toBe('Bearer stale');
    expect(headers(1).authorization).toBe('Bearer fresh');
    manager.dispose();
  });

  it('does not refresh for an anonymous request that is refused (a wrong password)', async () => {
    const graphqlFetch = vi.fn().mockResolvedValue(json(200, { data: null, errors: [{ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } }] }));
    vi.stubGlobal('fetch', graphqlFetch);
    const authFetch = vi.fn();
    const manager = createSessionManager({ fetch: authFetch, lock: (run) => run() });

    const result = await makeClient(manager).query(MeNameDocument, {}).toPromise();

    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(authFetch).not.toHaveBeenCalled();
    expect(graphqlFetch).toHaveBeenCalledTimes(1);
    expect(((graphqlFetch.mock.calls[0]?.[1] as RequestInit).headers as Record<string, string>).authorization).toBeUndefined();
  });
});
