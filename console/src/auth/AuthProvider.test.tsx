import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Unreachable } from '../App';
import { AuthProvider, useAuth } from './AuthProvider';
import { AuthRouteError } from './routes';
import type { SessionManager } from './session';

function manager(refresh: SessionManager['refresh']): SessionManager {
  return { refresh, restore: vi.fn(), adopt: vi.fn(), signOut: vi.fn(), dispose: vi.fn() };
}

function Gate() {
  const { status, restoreError, retry } = useAuth();
  if (status === 'restoring') return <p>restoring</p>;
  if (status === 'unreachable') return <Unreachable error={restoreError} onRetry={retry} />;
  return <p>sign-in page</p>;
}

function renderGate(m: SessionManager) {
  return render(
    <MantineProvider env="test">
      <AuthProvider manager={m}>
        <Gate />
      </AuthProvider>
    </MantineProvider>,
  );
}

describe('restoring the session on page load', () => {
  it('shows the sign-in page when there is no session', async () => {
    renderGate(manager(vi.fn().mockResolvedValue(null)));
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
  });

  it('says the server cannot be reached, and retries', async () => {
    const refresh = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(null);
    renderGate(manager(refresh));
    expect(await screen.findByRole('heading', { name: 'Cannot reach the server' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The server did not answer');
    expect(screen.queryByText('sign-in page')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('takes a bare error status (a proxy with the server down) for no answer', async () => {
    renderGate(manager(vi.fn().mockRejectedValue(new AuthRouteError(500, 'INTERNAL_SERVER_ERROR', 'the server answered 500'))));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not answer');
  });

  it('tells what a failing server answered', async () => {
    renderGate(manager(vi.fn().mockRejectedValue(new AuthRouteError(503, 'SERVICE_UNAVAILABLE', 'database unavailable'))));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server answered 503: database unavailable.');
  });
});
