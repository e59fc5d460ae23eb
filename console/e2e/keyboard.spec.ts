import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiCreateTenant, apiSignUp, person, PASSWORD, unique } from './helpers';

// Everything after the set-up goes through `page.keyboard` only: no click,
// no `fill`, no `focus()`. Each stop checks that the focus is where the
// user expects it and that it can be seen.

/** How the focused element shows its focus, read in the page: Mantine
 * outlines buttons and links in the primary colour and gives inputs (or a
 * password input's wrapper) a border of that colour; 'none' when it shows
 * nothing. */
function focusIndicator(el: Element): string {
  if (el !== document.activeElement || !el.matches(':focus-visible')) return 'none';
  const probe = document.createElement('span');
  probe.style.color = 'var(--mantine-primary-color-filled)';
  document.body.append(probe);
  const primary = getComputedStyle(probe).color;
  probe.remove();
  const style = getComputedStyle(el);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor === primary) return 'outline';
  // An input's border, or that of the wrapper a password input sits in.
  for (let box: Element | null = el, depth = 0; box && depth < 3; box = box.parentElement, depth += 1) {
    const border = getComputedStyle(box);
    if (border.borderTopColor === primary && border.borderBottomColor === primary) return 'border';
  }
  return 'none';
}

/** `target` has the keyboard focus, and shows it. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  // Inputs fade their border in (100 ms): ask until it has settled.
  await expect.poll(() => target.evaluate(focusIndicator), { message: 'the focused element shows its focus' }).not.toBe('none');
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times. */
async function tabTo(page: Page, target: Locator, { max = 40, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(target);
      return;
    }
  }
  throw new Error(`${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

test('a keyboard-only user signs in, opens the members page and invites someone', async ({ page, request }) => {
  const owner = person('Kim', 'Keyboard');
  const invitee = person('Lee', 'Invitee');
  const tenant = unique('Keys');
  const token = await apiSignUp(request, owner);
  await apiCreateTenant(request, token, tenant);

  await test.step('signs in with Tab, typing and Enter', async () => {
    await page.goto('/signin');
    const form = page.getByRole('form', { name: 'Sign in to Trellis' });
    await expect(form).toBeVisible();

    // The form is the first thing on the page.
    await page.keyboard.press('Tab');
    await expectVisibleFocus(form.getByRole('textbox', { name: 'Email' }));
    await page.keyboard.type(owner.email);

    // The password's show/hide toggle is skipped: Tab goes to the password.
    await page.keyboard.press('Tab');
    const password = form.getByLabel('Password');
    await expectVisibleFocus(password);
    await page.keyboard.type(PASSWORD);

    // Shift+Tab goes back to the email, which kept what was typed.
    await page.keyboard.press('Shift+Tab');
    await expectVisibleFocus(form.getByRole('textbox', { name: 'Email' }));
    await expect(form.getByRole('textbox', { name: 'Email' })).toHaveValue(owner.email);
    await page.keyboard.press('Tab');
    await expectVisibleFocus(password);

    await page.keyboard.press('Tab');
    await expectVisibleFocus(form.getByRole('button', { name: 'Sign in' }));
    await page.keyboard.press('Enter');

    // One tenant: the console selects it.
    await expect(page.getByRole('textbox', { name: 'Tenant' })).toHaveValue(`${tenant} (OWNER)`);
  });

  await test.step('reaches the members page through the navigation', async () => {
    const link = page.getByRole('navigation').getByRole('link', { name: 'Members and invitations' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/members$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Members and invitations' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Members' })).toContainText(owner.email);
    await expect(page.getByText('No pending invitations.')).toBeVisible();
  });

  await test.step('invites someone as a VIEWER', async () => {
    const form = page.getByRole('form', { name: 'Invite a member' });
    const email = form.getByRole('textbox', { name: 'Email' });
    const role = form.getByRole('textbox', { name: 'Role' });
    const send = form.getByRole('button', { name: 'Send invitation' });

    await tabTo(page, email);
    await page.keyboard.type(invitee.email);

    await page.keyboard.press('Tab');
    await expectVisibleFocus(role);
    await expect(role).toHaveValue('MEMBER');
    // ArrowDown opens the list on the current role; ArrowDown moves, Enter picks.
    await page.keyboard.press('ArrowDown');
    const viewer = page.getByRole('option', { name: 'VIEWER', exact: true });
    await expect(viewer).toBeVisible();
    const viewerId = await viewer.getAttribute('id');
    expect(viewerId).toBeTruthy();
    for (let i = 0; i < 10 && (await role.getAttribute('aria-activedescendant')) !== viewerId; i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(role).toHaveAttribute('aria-activedescendant', viewerId!);
    await page.keyboard.press('Enter');
    await expect(role).toHaveValue('VIEWER');
    await expectVisibleFocus(role);

    await page.keyboard.press('Tab');
    await expectVisibleFocus(send);
    await page.keyboard.press('Enter');

    const issued = page.getByRole('status', { name: `Invitation for ${invitee.email}` });
    await expect(issued).toBeVisible();
    await expect(issued.getByLabel('Invitation link')).toContainText('/invitations/accept?token=');
    await expect(email).toHaveValue('');
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await expect(pending.getByRole('row').filter({ hasText: invitee.email })).toContainText('VIEWER');

    // The issued link's copy button can be reached from there.
    await tabTo(page, issued.getByRole('button', { name: 'Copy link' }));
  });
});
