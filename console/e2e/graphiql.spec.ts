import { expect, test } from '@playwright/test';
import { apiSignUp, person, signIn } from './helpers';

test('GraphiQL loads from this server alone, signed in as the console user', async ({ page, request, baseURL }) => {
  const user = person('Grace', 'Graphiql');
  await apiSignUp(request, user);
  await signIn(page, user);

  const elsewhere: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) elsewhere.push(r.url());
  });

  await page.goto('/graphql');
  const execute = page.getByRole('button', { name: /Execute query/ });
  await expect(execute).toBeVisible();

  // The headers editor holds the signed-in user's access token.
  await page.getByRole('button', { name: 'Headers' }).click();
  const headers = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.CodeMirror'))
      .map((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue())
      .find((text) => text.includes('Authorization')),
  );
  expect(headers).toMatch(/"Authorization": "Bearer [\w-]+\.[\w-]+\.[\w-]+"/);

  // And it works: `me` answers as that user.
  await page.evaluate(() => {
    const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } };
    editor.CodeMirror.setValue('{ me { email name } }');
  });
  await execute.click();
  await expect(page.locator('.graphiql-response')).toContainText(user.email);

  expect(elsewhere, 'requests to another origin').toEqual([]);
});
