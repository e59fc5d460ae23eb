import { expect, test } from '@playwright/test';
import { apiSignUp, person, signIn } from './helpers';

test('when the server cannot be reached at page load, the console says so and retries', async ({ page, request }) => {
  const user = person('Rita', 'Retry');
  await apiSignUp(request, user);
  await signIn(page, user);

  // The page loads, but the server does not answer the session restore.
  await page.route('**/auth/refresh', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Cannot reach the server' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The server did not answer');
  await expect(page.getByRole('heading', { name: 'Sign in to Trellis' })).toHaveCount(0);

  // Back again: Retry restores the session that was kept.
  await page.unroute('**/auth/refresh');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(user.name)).toBeVisible();
});
