// The README's picture of the console: `npm run screenshot` saves
// docs/console.png (1280×800) of the members page of a tenant laid out
// with believable data. Skipped in the ordinary run, so that `npm run e2e`
// leaves the working tree as it found it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { apiAddMember, apiCreateTenant, apiInvite, apiSignUp, open, type Person, signIn } from './helpers';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'console.png');

test('a picture of the members page for the README', async ({ page, request }) => {
  test.skip(process.env.TRELLIS_SCREENSHOT !== '1', 'run with `npm run screenshot` to update docs/console.png');
  const at = (name: string): Person => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@acme.example` });
  const owner = at('Olivia Martin');
  const token = await apiSignUp(request, owner);
  const tenant = await apiCreateTenant(request, token, 'Acme Support', 'PRO');
  await apiAddMember(request, tenant.token, at('Daniel Kim'), 'ADMIN');
  await apiAddMember(request, tenant.token, at('Priya Natarajan'), 'MEMBER');
  await apiAddMember(request, tenant.token, at('Lucas Moreau'), 'MEMBER');
  await apiAddMember(request, tenant.token, at('Amara Okafor'), 'VIEWER');
  await apiInvite(request, tenant.token, 'sofia.rossi@acme.example', 'MEMBER');
  await apiInvite(request, tenant.token, 'tom.becker@acme.example', 'VIEWER');

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, owner);
  await open(page, 'Members and invitations');
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('Amara Okafor');
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText('tom.becker@acme.example');
  // No focus ring or hover state in the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: target });
});
