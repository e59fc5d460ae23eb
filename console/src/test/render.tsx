import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { type Client, Provider } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never, pipe, take, toPromise } from 'wonka';
import { type Access, BUILTIN_PERMISSIONS, StaticAccessProvider } from '../access';

type Operation = { query: unknown; variables?: Record<string, unknown>; kind?: string };
type Answer = { data?: unknown; error?: unknown } | undefined;

/** A urql client whose answers come from the test: `answer(operation)`
 * receives the operation name and variables. */
export function mockClient(answer: (name: string, variables: Record<string, unknown>) => Answer) {
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const run = (request: Operation) => {
    const definitions = (request.query as { definitions?: { name?: { value: string } }[] }).definitions ?? [];
    const name = definitions[0]?.name?.value ?? 'anonymous';
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    calls.push({ name, variables });
    const result = answer(name, variables);
    // Like the client's own results, the answer stays open after it arrives:
    // urql clears a query's error when its source ends.
    return result ? concat([fromValue({ ...result, operation: request, stale: false, hasNext: false }), never]) : never;
  };
  // `client.query(…).toPromise()` settles with the first answer, as the client's own does.
  const query = (document: unknown, variables?: Record<string, unknown>) => {
    const source = run({ query: document, variables, kind: 'query' });
    return Object.assign(source, { toPromise: () => pipe(source, take(1), toPromise) });
  };
  const client = {
    query: vi.fn(query),
    executeQuery: vi.fn(run),
    executeMutation: vi.fn(run),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  return { client, calls };
}

export function accessFor(role: string, overrides: Partial<Access> = {}): Access {
  const permissions = new Set(BUILTIN_PERMISSIONS[role] ?? []);
  return {
    me: { __typename: 'Me', id: 'user-ada', email: 'ada@acme.test', name: 'Ada', isPlatformAdmin: false, memberships: [] },
    loading: false,
    error: undefined,
    tenantId: 'tenant-acme',
    membership: null,
    role,
    permissions,
    can: (p) => permissions.has(p),
    refetchMe: () => {},
    ...overrides,
  };
}

export function renderWith(
  ui: ReactElement,
  { client, access, path = '/', route = '/' }: { client: Client; access: Access; path?: string; route?: string },
) {
  return render(
    <MantineProvider env="test">
      <Provider value={client}>
        <StaticAccessProvider value={access}>
          <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
          </MemoryRouter>
        </StaticAccessProvider>
      </Provider>
    </MantineProvider>,
  );
}
