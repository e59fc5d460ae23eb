// What the scenarios share: unique names, a few GraphQL calls to lay out
// data quickly, and the steps a user takes in the console.
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A name no other test (or earlier run on the same server) uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e4)}`;
}

export interface Person {
  name: string;
  email: string;
}

export function person(first: string, last: string): Person {
  return { name: `${first} ${last}`, email: `${unique(first.toLowerCase())}@example.com` };
}

// ---- the API, for laying out data a scenario only needs to exist ----------

async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  expect(response.ok(), `POST /graphql answered ${response.status()}`).toBeTruthy();
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** An account, and a token to act as it (no tenant selected). */
export async function apiSignUp(request: APIRequestContext, who: Person): Promise<string> {
  const data = await gql<{ signUp: { accessToken: string } }>(
    request,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { email: who.email, password: PASSWORD, name: who.name } },
  );
  return data.signUp.accessToken;
}

/** A tenant owned by the token's user, and a token acting in it. */
export async function apiCreateTenant(request: APIRequestContext, token: string, name: string, plan = 'FREE'): Promise<{ id: string; token: string }> {
  const created = await gql<{ createTenant: { tenant: { id: string } } }>(
    request,
    'mutation ($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
    { input: { name, slug: unique('t').toLowerCase().slice(0, 40), plan } },
    token,
  );
  const id = created.createTenant.tenant.id;
  return { id, token: await apiSwitchTenant(request, token, id) };
}

export async function apiSwitchTenant(request: APIRequestContext, token: string, tenantId: string): Promise<string> {
  const data = await gql<{ switchTenant: { accessToken: string } }>(
    request,
    'mutation ($input: SwitchTenantInput!) { switchTenant(input: $input) { accessToken } }',
    { input: { tenantId } },
    token,
  );
  return data.switchTenant.accessToken;
}

/** Invites `email` to the tenant `ownerToken` acts in; answers the invitation's secret. */
export async function apiInvite(request: APIRequestContext, ownerToken: string, email: string, role = 'MEMBER'): Promise<string> {
  const invited = await gql<{ inviteMember: { token: string } }>(
    request,
    'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
    { input: { email, role } },
    ownerToken,
  );
  return invited.inviteMember.token;
}

/** Signs `who` up and makes them a member of the tenant `ownerToken` acts in. */
export async function apiAddMember(request: APIRequestContext, ownerToken: string, who: Person, role = 'MEMBER'): Promise<string> {
  const invitation = await apiInvite(request, ownerToken, who.email, role);
  const token = await apiSignUp(request, who);
  await gql(request, 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membershipId } }', { input: { token: invitation } }, token);
  return token;
}

export async function apiCreateIntent(
  request: APIRequestContext,
  token: string,
  intent: { name: string; description?: string; priority?: number; endsWith: string },
): Promise<void> {
  await gql(
    request,
    'mutation ($input: CreateIntentInput!) { createIntent(input: $input) { intent { id } } }',
    {
      input: {
        name: intent.name,
        description: intent.description,
        priority: intent.priority ?? 0,
        isActive: true,
        matchers: [{ field: 'TO', operator: 'ENDS_WITH', value: intent.endsWith }],
      },
    },
    token,
  );
}

// ---- the console, as a user works it ---------------------------------------

export async function signUp(page: Page, who: Person): Promise<void> {
  const form = page.getByRole('form', { name: 'Create your Trellis account' });
  await form.getByLabel('Name').fill(who.name);
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
}

export async function signIn(page: Page, who: Person): Promise<void> {
  await page.goto('/signin');
  const form = page.getByRole('form', { name: 'Sign in to Trellis' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Follows a link of the navigation. */
export async function open(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
}

/** Picks an option of a Mantine select by the select's label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page): Promise<void> {
  await scope.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Selects a tenant with the header's selector. */
export async function selectTenant(page: Page, name: string): Promise<void> {
  await choose(page, 'Tenant', new RegExp(`^${name} \\(`));
  await expect(page.getByRole('textbox', { name: 'Tenant' })).toHaveValue(new RegExp(`^${name} \\(`));
}
