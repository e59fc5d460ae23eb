import { expect, test } from '@playwright/test';
import { apiAddMember, apiCreateTenant, apiSignUp, open, person, signIn, unique } from './helpers';

test('after signing out, going back shows nothing private and a reload stays signed out', async ({ page, request }) => {
  const owner = person('Sigrid', 'Signout');
  const colleague = person('Carl', 'Colleague');
  const token = await apiSignUp(request, owner);
  const tenant = await apiCreateTenant(request, token, unique('Private'));
  await apiAddMember(request, tenant.token, colleague);

  await signIn(page, owner);
  await open(page, 'Members and invitations');
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(colleague.email);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Trellis' })).toBeVisible();

  const nothingPrivate = async () => {
    await expect(page.getByRole('heading', { name: 'Sign in to Trellis' })).toBeVisible();
    const body = page.locator('body');
    for (const secret of [colleague.name, colleague.email, owner.name, owner.email]) {
      await expect(body).not.toContainText(secret);
    }
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  };

  // Back to the page before signing out (the overview: sign-out replaced
  // the members page in the history).
  await page.goBack();
  await nothingPrivate();

  await page.reload();
  await nothingPrivate();
  // The cookie is gone: the server has no session to restore.
  expect((await page.context().cookies()).filter((c) => c.name === 'trellis_refresh')).toEqual([]);
});
