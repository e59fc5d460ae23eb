import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorAlert } from './ErrorAlert';
import { StatusPanel } from './StatusPanel';

describe('StatusPanel', () => {
  it('is a polite status region named by its title, not an alert', () => {
    render(
      <MantineProvider>
        <StatusPanel color="green" title="Invitation accepted">
          You joined Acme as MEMBER.
        </StatusPanel>
      </MantineProvider>,
    );
    const status = screen.getByRole('status', { name: 'Invitation accepted' });
    expect(status).toHaveTextContent('You joined Acme as MEMBER.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('needs no title, and errors stay alerts next to it', () => {
    render(
      <MantineProvider>
        <ErrorAlert error={new Error('boom')} />
        <StatusPanel color="gray">Refunds was deleted.</StatusPanel>
      </MantineProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Refunds was deleted.');
    expect(screen.getByRole('status')).not.toHaveAttribute('aria-labelledby');
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });
});
