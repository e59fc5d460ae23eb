import { expect, test } from '@playwright/test';
import { choose, open, person, signUp, unique } from './helpers';

const CSV = 'email,plan\ngrace@example.com,PRO\nalan@example.com,FREE\n';

const EMAIL = [
  'From: Grace Hopper <grace@example.com>',
  'To: help@support.acme.test',
  'Subject: Order 42 has not arrived',
  'Message-ID: <order-42@example.com>',
  '',
  'Hello, where is my order?',
].join('\n');

test('an owner invites a member, changes their role, sets up routing, routes an email and finds it all in the audit log', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const owner = person('Olivia', 'Owner');
  const member = person('Bruno', 'Member');
  const tenant = unique('Acme Support');

  const ownerContext = await browser.newContext();
  await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await ownerContext.newPage();

  await test.step('the owner signs up and creates a tenant', async () => {
    await page.goto('/signup');
    await signUp(page, owner);
    await expect(page.getByRole('heading', { name: 'Choose a tenant' })).toBeVisible();
    await page.getByRole('link', { name: 'Create tenant' }).click();
    const form = page.getByRole('form', { name: 'New tenant' });
    await form.getByLabel('Name').fill(tenant);
    await form.getByRole('button', { name: 'Create tenant' }).click();
    await expect(page.getByRole('textbox', { name: 'Tenant' })).toHaveValue(`${tenant} (OWNER)`);
  });

  let link = '';
  await test.step('the owner invites a member and copies the invitation link', async () => {
    await open(page, 'Members and invitations');
    const form = page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill(member.email);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const issued = page.getByRole('status', { name: `Invitation for ${member.email}` });
    await expect(issued).toBeVisible();
    await issued.getByRole('button', { name: 'Copy link' }).click();
    await expect(issued.getByRole('button', { name: 'Copied' })).toBeVisible();
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/invitations\/accept\?token=/);
    await expect(issued.locator('code')).toHaveText(link);
    await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(member.email);
  });

  await test.step('the invitee opens the link in another browser, signs up and accepts', async () => {
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'Accept an invitation' })).toBeVisible();
    await invitee.getByRole('link', { name: 'Create an account' }).click();
    await signUp(invitee, member);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(invitee.getByRole('status', { name: 'Invitation accepted' })).toContainText(`You joined ${tenant} as MEMBER`);
    await invitee.getByRole('button', { name: `Open ${tenant}` }).click();
    await expect(invitee.getByRole('textbox', { name: 'Tenant' })).toHaveValue(`${tenant} (MEMBER)`);
    await context.close();
  });

  await test.step('the owner makes the new member an admin', async () => {
    await page.reload();
    const members = page.getByRole('table', { name: 'Members' });
    await expect(members).toContainText(member.email);
    await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
    await choose(page, `Role of ${member.name}`, /^ADMIN$/);
    await expect(page.getByRole('textbox', { name: `Role of ${member.name}` })).toHaveValue('ADMIN');
    await page.reload();
    await expect(page.getByRole('textbox', { name: `Role of ${member.name}` })).toHaveValue('ADMIN');
  });

  await test.step('the owner adds a FILE datasource config', async () => {
    await open(page, 'Datasource configs');
    await page.getByRole('button', { name: 'New config' }).click();
    const form = page.getByRole('form', { name: 'New datasource config' });
    await form.getByLabel('Name').fill('customer-files');
    await choose(page, 'Protocol', /^FILE$/, form);
    await form.getByRole('button', { name: 'Create config' }).click();
    await expect(page.getByRole('table', { name: 'Datasource configs' }).getByRole('rowheader', { name: 'customer-files' })).toBeVisible();
  });

  await test.step('the owner adds a datasource with an uploaded CSV', async () => {
    await open(page, 'Datasources');
    await page.getByRole('button', { name: 'New datasource' }).click();
    const form = page.getByRole('form', { name: 'New datasource' });
    await form.getByLabel('Name').fill('customers');
    await choose(page, 'Kind', /^FILE$/, form);
    await choose(page, 'Connection (datasource config)', 'customer-files (FILE)', form);
    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'CSV file' }).click();
    await (await chooser).setFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(form.getByRole('button', { name: 'CSV file' })).toContainText('customers.csv');
    await form.getByRole('button', { name: 'Create datasource' }).click();
    await expect(page.getByRole('table', { name: 'Datasources' })).toContainText('customers');
  });

  await test.step('the owner adds an intent with a matcher and a rule that looks the sender up in the CSV', async () => {
    await open(page, 'Intents and rules');
    await page.getByRole('button', { name: 'New intent' }).click();
    const form = page.getByRole('form', { name: 'New intent' });
    await form.getByLabel('Name').fill('Customer support');
    await form.getByRole('textbox', { name: 'Value 1' }).fill('@support.acme.test');
    await form.getByRole('button', { name: 'Create intent' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Intent: Customer support' })).toBeVisible();

    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('form', { name: 'New rule' });
    await choose(page, 'Datasource', 'customers (FILE)', rule);
    await expect(rule.getByRole('textbox', { name: 'Email field' })).toHaveValue('from');
    await expect(rule.getByRole('textbox', { name: 'Rule type' })).toHaveValue(/^EXISTS/);
    await rule.getByRole('textbox', { name: 'CSV column to match' }).fill('email');
    await rule.getByRole('textbox', { name: 'CSV column to match' }).press('Escape');
    await rule.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('listitem', { name: 'Rule 1' })).toContainText('EXISTS');
  });

  await test.step('routing a pasted email passes the rule', async () => {
    await open(page, 'Route an email');
    await page.getByRole('textbox', { name: 'Raw message' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Route email' }).click();
    const decision = page.getByRole('region', { name: 'Decision' });
    await expect(decision).toContainText('Intent: Customer support');
    await expect(decision.getByText('PASSED').first()).toBeVisible();
    const result = decision.getByRole('table', { name: 'Rule results' }).getByRole('row').nth(1);
    await expect(result).toContainText('EXISTS on from');
    await expect(result).toContainText('PASSED');
  });

  await test.step('the audit log shows the invitation, the acceptance, the role change and the routing set-up', async () => {
    await open(page, 'Audit log');
    const entries = page.getByRole('table', { name: 'Audit entries' });
    for (const action of [
      'member.invited',
      'member.joined',
      'member.role_changed',
      'datasource_config.created',
      'datasource.created',
      'intent.created',
      'rule.created',
    ]) {
      await expect(entries.getByText(action, { exact: true }).first(), action).toBeVisible();
    }
  });

  await ownerContext.close();
});
