import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import { apiAddMember, apiCreateIntent, apiCreateTenant, apiSignUp, open, person, signIn, unique } from './helpers';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as a script of the page, which the server's CSP forbids.
test.use({ bypassCSP: true });

async function expectNoViolations(page: Page, what: string) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations, `axe violations on ${what}`).toEqual([]);
}

test('the sign-in, members, intents and route-an-email pages have no axe violations', async ({ page, request }) => {
  const owner = person('Ada', 'Access');
  const token = await apiSignUp(request, owner);
  const tenant = await apiCreateTenant(request, token, unique('Accessible'));
  await apiAddMember(request, tenant.token, person('Ben', 'Reader'), 'VIEWER');
  await apiCreateIntent(request, tenant.token, { name: 'Refunds', description: 'Refund requests', priority: 5, endsWith: '@refunds.test' });

  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in to Trellis' })).toBeVisible();
  await expectNoViolations(page, 'the sign-in page');

  await signIn(page, owner);
  await open(page, 'Members and invitations');
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('Ben Reader');
  await expect(page.getByRole('table', { name: 'Pending invitations' }).or(page.getByText('No pending invitations.'))).toBeVisible();
  await expectNoViolations(page, 'the members page');

  await open(page, 'Intents and rules');
  await expect(page.getByRole('table', { name: 'Intents' })).toContainText('Refunds');
  await expectNoViolations(page, 'the intents page');

  await open(page, 'Route an email');
  await page.getByRole('button', { name: 'Fill in an example' }).click();
  await page.getByRole('button', { name: 'Route email' }).click();
  await expect(page.getByRole('region', { name: 'Decision' })).toBeVisible();
  await expectNoViolations(page, 'the route-an-email page with a decision');
});
