import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { RouteEmailPage } from './RouteEmail';

/** `total` intents, answered a page at a time as the variables ask. */
function render(total: number) {
  const { client, calls } = mockClient((name, variables) => {
    if (name !== 'IntentChoices') return undefined;
    const from = variables.after ? Number(variables.after) + 1 : 0;
    const to = Math.min(total, from + (variables.first as number));
    const edges = [];
    for (let i = from; i < to; i++) edges.push({ cursor: String(i), node: { id: `intent-${i}`, name: `Intent ${i}`, isActive: true } });
    return { data: { intents: { edges, pageInfo: { hasNextPage: to < total, endCursor: to > from ? String(to - 1) : null } } } };
  });
  renderWith(<RouteEmailPage />, { client, access: accessFor('MEMBER') });
  return () => calls.filter((c) => c.name === 'IntentChoices');
}

describe('the intent picker of the route-an-email page', () => {
  it('offers every intent, not only the first page', async () => {
    const asked = render(150);
    await waitFor(() => expect(asked()).toHaveLength(2));
    await userEvent.click(screen.getByRole('textbox', { name: /^Validate against one intent/ }));
    expect(await screen.findByRole('option', { name: 'Intent 149' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing the first/)).not.toBeInTheDocument();
  });

  it('says when there are more intents than it loads', async () => {
    const asked = render(2500);
    expect(await screen.findByText(/Showing the first 2,000 intents; the rest are not listed here\./)).toBeInTheDocument();
    expect(asked()).toHaveLength(20);
  });
});
