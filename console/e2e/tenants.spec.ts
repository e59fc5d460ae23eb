import { expect, test } from '@playwright/test';
import { apiAddMember, apiCreateIntent, apiCreateTenant, apiSignUp, open, person, selectTenant, signIn, unique } from './helpers';

test('a user in two tenants switches with the header selector and sees only that tenant', async ({ page, request }) => {
  const user = person('Tess', 'Twotenant');
  const token = await apiSignUp(request, user);
  const northName = unique('North');
  const southName = unique('South');
  const north = await apiCreateTenant(request, token, northName);
  const south = await apiCreateTenant(request, token, southName);
  const nora = person('Nora', 'North');
  const sam = person('Sam', 'South');
  await apiAddMember(request, north.token, nora);
  await apiAddMember(request, south.token, sam);
  await apiCreateIntent(request, north.token, { name: 'North billing', endsWith: '@north.test' });
  await apiCreateIntent(request, south.token, { name: 'South returns', endsWith: '@south.test' });

  await signIn(page, user);
  // Two tenants: the console asks.
  await expect(page.getByRole('heading', { name: 'Choose a tenant' })).toBeVisible();

  await selectTenant(page, northName);
  await open(page, 'Members and invitations');
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members).toContainText(nora.email);
  await expect(members).not.toContainText(sam.email);
  await open(page, 'Intents and rules');
  const intents = page.getByRole('table', { name: 'Intents' });
  await expect(intents).toContainText('North billing');
  await expect(intents).not.toContainText('South returns');

  await selectTenant(page, southName);
  await open(page, 'Members and invitations');
  await expect(members).toContainText(sam.email);
  await expect(page.getByRole('main')).not.toContainText(nora.email);
  await expect(page.getByRole('main')).not.toContainText(nora.name);
  await open(page, 'Intents and rules');
  await expect(intents).toContainText('South returns');
  await expect(page.getByRole('main')).not.toContainText('North billing');
});

test('a user with one tenant is taken into it on signing in', async ({ page, request }) => {
  const user = person('Uma', 'Onetenant');
  const token = await apiSignUp(request, user);
  const name = unique('Solo');
  await apiCreateTenant(request, token, name);

  await signIn(page, user);
  await expect(page.getByRole('textbox', { name: 'Tenant' })).toHaveValue(`${name} (OWNER)`);
  await expect(page.getByRole('heading', { name: 'Choose a tenant' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Members and invitations' })).toBeVisible();
});
