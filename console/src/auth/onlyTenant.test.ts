import { Client, type Exchange, type Operation } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { filter, fromValue, map, mergeMap, pipe } from 'wonka';
import { selectOnlyTenant } from './onlyTenant';

interface Seen {
  name: string;
  variables: unknown;
  authorization: string | undefined;
}

/** A client whose answers come from the test, recording what it was sent. */
function clientAnswering(answer: (name: string) => { data?: unknown; error?: Error }) {
  const seen: Seen[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op: Operation) => op.kind !== 'teardown'),
      mergeMap((op: Operation) => {
        const definition = op.query.definitions[0] as { name?: { value: string } };
        const name = definition.name?.value ?? 'anonymous';
        const options = typeof op.context.fetchOptions === 'function' ? op.context.fetchOptions() : op.context.fetchOptions;
        const headers = (options?.headers ?? {}) as Record<string, string>;
        seen.push({ name, variables: op.variables, authorization: headers.Authorization });
        const result = answer(name);
        if (result.error) throw result.error;
        return fromValue({ operation: op, data: result.data, stale: false, hasNext: false });
      }),
      map((result) => result),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), seen };
}

const me = (...tenants: string[]) => ({
  me: { __typename: 'Me', id: 'u1', memberships: tenants.map((id) => ({ __typename: 'Membership', tenant: { __typename: 'Tenant', id } })) },
});

describe('selectOnlyTenant', () => {
  it('switches to the one tenant and answers the rotated refresh token', async () => {
    const { client, seen } = clientAnswering((name) =>
      name === 'SignInMemberships'
        ? { data: me('t1') }
        : { data: { switchTenant: { __typename: 'AuthPayload', refreshToken: 'rt-2', role: 'OWNER', tenant: { __typename: 'Tenant', id: 't1', name: 'Acme' } } } },
    );
    await expect(selectOnlyTenant(client, 'at-1', 'rt-1')).resolves.toBe('rt-2');
    expect(seen.map((s) => s.name)).toEqual(['SignInMemberships', 'SwitchTenant']);
    expect(seen[1]?.variables).toEqual({ input: { tenantId: 't1' } });
    // No session is adopted yet: each call carries the sign-in's token.
    expect(seen.every((s) => s.authorization === 'Bearer at-1')).toBe(true);
  });

  it('keeps the sign-in token with no tenant or several', async () => {
    for (const tenants of [[], ['t1', 't2']]) {
      const { client, seen } = clientAnswering(() => ({ data: me(...tenants) }));
      await expect(selectOnlyTenant(client, 'at-1', 'rt-1')).resolves.toBe('rt-1');
      expect(seen.map((s) => s.name)).toEqual(['SignInMemberships']);
    }
  });

  it('keeps the sign-in token when switching fails', async () => {
    const { client } = clientAnswering((name) => (name === 'SignInMemberships' ? { data: me('t1') } : { error: new Error('offline') }));
    await expect(selectOnlyTenant(client, 'at-1', 'rt-1')).resolves.toBe('rt-1');
  });
});
