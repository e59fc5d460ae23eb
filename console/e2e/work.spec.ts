import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiCreateTenant, apiSignUp, choose, open, type Person, person, signIn, unique } from './helpers';

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

async function apiCreateItem(request: APIRequestContext, token: string, input: Record<string, unknown>): Promise<string> {
  const response = await request.post('/graphql', {
    data: { query: 'mutation ($input: CreateItemInput!) { createItem(input: $input) { item { id } } }', variables: { input } },
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { data?: { createItem: { item: { id: string } } }; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!.createItem.item.id;
}

/** An owner with a tenant of their own, signed in on `page`. */
async function ownerWithTenant(request: APIRequestContext, page: Page): Promise<{ owner: Person; token: string }> {
  const owner = person('Wanda', 'Worker');
  const signedUp = await apiSignUp(request, owner);
  const tenant = await apiCreateTenant(request, signedUp, unique('Work'));
  await signIn(page, owner);
  return { owner, token: tenant.token };
}

async function signedInPage(browser: Browser, who: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** Drags a card by its handle onto a column, with the pointer. */
async function dragCard(page: Page, title: string, column: string) {
  const handle = page.getByRole('button', { name: `Drag ${title}` });
  const target = page.getByTestId(`column-${column}`);
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
}

test('items created on the board, one dragged to Done stays there after a reload', async ({ page, request }) => {
  await ownerWithTenant(request, page);
  await open(page, 'Board');
  await expect(page.getByText('No items yet. Add the first one with the New item form above.')).toBeVisible();

  const first = unique('Write the changelog');
  const second = unique('Tag the release');
  const form = page.getByRole('form', { name: 'New item' });
  for (const title of [first, second]) {
    await form.getByRole('textbox', { name: 'New item' }).fill(title);
    await form.getByRole('button', { name: 'Add item' }).click();
    await expect(page.getByRole('region', { name: 'To do' }).getByRole('link', { name: title })).toBeVisible();
  }

  await dragCard(page, first, 'DONE');
  const done = page.getByRole('region', { name: 'Done' });
  await expect(done.getByRole('link', { name: first })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Done' }).getByRole('link', { name: first })).toBeVisible();
  await expect(page.getByRole('region', { name: 'To do' }).getByRole('link', { name: second })).toBeVisible();

  // The same move from the keyboard's menu.
  await page.getByRole('button', { name: `Move ${second} to…` }).click();
  await page.getByRole('menuitem', { name: 'In review' }).click();
  await expect(page.getByRole('region', { name: 'In review' }).getByRole('link', { name: second })).toBeVisible();

  // And by dragging from the keyboard: space picks the card up, an arrow key
  // takes it one column on, space drops it.
  // Each key waits for the announcement of the last: the sensor measures
  // the columns once the card is picked up, and a key sent before that
  // is lost.
  const announced = page.getByRole('status').filter({ hasText: /Picked up|Over the|Dropped/ });
  await page.getByRole('button', { name: `Drag ${second}` }).focus();
  await page.keyboard.press('Space');
  // Picked up, the card is over its own column first.
  await expect(announced).toContainText('Over the In review column.');
  await page.keyboard.press('ArrowRight');
  await expect(announced).toContainText('Over the Done column.');
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Done' }).getByRole('link', { name: second })).toBeVisible();
});

test('the same item edited in two browsers: the second sees the conflict and can apply its change again', async ({ browser, page, request }) => {
  const { owner, token } = await ownerWithTenant(request, page);
  const title = unique('Shared item');
  const id = await apiCreateItem(request, token, { title });
  const other = await signedInPage(browser, owner);

  await page.goto(`/work/items/${id}`);
  await other.goto(`/work/items/${id}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(other.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  await choose(page, 'Priority', 'Urgent');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved (version 2)' })).toBeVisible();

  const renamed = `${title} renamed`;
  await other.getByRole('textbox', { name: 'Title' }).fill(renamed);
  await other.getByRole('button', { name: 'Save changes' }).click();
  const conflict = other.getByRole('alert').filter({ hasText: 'Someone else changed this item' });
  await expect(conflict).toContainText('You edited version 1; the item is now at version 2');
  await conflict.getByRole('button', { name: 'Apply my changes again' }).click();
  await expect(other.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();
  await expect(other.getByRole('textbox', { name: 'Priority' })).toHaveValue('Urgent');
  await expect(other.getByRole('region', { name: 'History' })).toContainText('changed priority from Medium to Urgent');
  await other.context().close();
});

test('search finds an item just after its description was edited; comments are added and edited; a bulk edit changes it', async ({ page, request }) => {
  const { token } = await ownerWithTenant(request, page);
  const title = unique('Quarterly report');
  const id = await apiCreateItem(request, token, { title });
  const word = `zephyr${Date.now().toString(36)}`;

  await page.goto(`/work/items/${id}`);
  await page.getByRole('textbox', { name: 'Description' }).fill(`Mention the ${word} migration.`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved (version 2)' })).toBeVisible();

  const comments = page.getByRole('region', { name: /^Comments/ });
  await comments.getByRole('textbox', { name: 'Add a comment' }).fill('First draft is in the shared folder.');
  await comments.getByRole('button', { name: 'Comment' }).click();
  await expect(comments.getByRole('list', { name: 'Comments' })).toContainText('First draft is in the shared folder.');
  await expect(page.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();
  await comments.getByRole('button', { name: /^Edit your comment/ }).click();
  await comments.getByRole('textbox', { name: 'Your comment' }).fill('Final draft is in the shared folder.');
  await comments.getByRole('button', { name: 'Save comment' }).click();
  await expect(comments.getByRole('list', { name: 'Comments' })).toContainText('Final draft is in the shared folder.');
  await expect(comments.getByRole('list', { name: 'Comments' })).toContainText('edited');

  await open(page, 'Items');
  await page.getByRole('textbox', { name: /^Search/ }).fill(word);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByRole('table', { name: 'Items' }).getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Order by' })).toHaveValue('Relevance');

  // A bulk edit of what the search found.
  await page.getByRole('checkbox', { name: `Select ${title}` }).check();
  await choose(page, 'Set priority', 'Urgent');
  await page.getByLabel('Set due date').fill('2030-03-01');
  await page.getByRole('button', { name: 'Apply to 1 item' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 item changed.' })).toBeVisible();
  const changed = page.getByRole('table', { name: 'Items' }).getByRole('row', { name: new RegExp(title) });
  await expect(changed).toContainText('Urgent');
  await expect(changed).toContainText(await page.evaluate(() => new Date(2030, 2, 1).toLocaleDateString()));
});

test('a file is uploaded to an item, downloaded byte for byte and deleted; a file of a refused type is not kept', async ({ page, request }) => {
  const { token } = await ownerWithTenant(request, page);
  const title = unique('Design review');
  const id = await apiCreateItem(request, token, { title });
  await page.goto(`/work/items/${id}`);
  const files = page.getByRole('region', { name: /^Attachments/ });
  await expect(files.getByText('No files yet. Upload one with Upload a file below.')).toBeVisible();

  const minutes = Buffer.from('Minutes of the design review.\nDecided: ship it, with ünïcödé intact.\n');
  const chooser = page.waitForEvent('filechooser');
  await files.getByRole('button', { name: 'Upload a file' }).click();
  await (await chooser).setFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: minutes });
  await expect(files.getByRole('status')).toContainText(`Uploaded minutes.txt (${minutes.length} B).`);
  await expect(page.getByRole('heading', { name: 'Attachments (1)' })).toBeVisible();
  const row = files.getByRole('table', { name: 'Attachments' }).getByRole('row', { name: /minutes\.txt/ });
  await expect(row).toContainText(`${minutes.length} B`);
  await expect(row).toContainText('Text');

  const downloading = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Download minutes.txt' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('minutes.txt');
  expect((await readFile(await download.path())).equals(minutes)).toBe(true);

  // An executable's header: judged by its content, whatever its name says.
  const executable = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
  const refusedChooser = page.waitForEvent('filechooser');
  await files.getByRole('button', { name: 'Upload a file' }).click();
  await (await refusedChooser).setFiles({ name: 'x.exe', mimeType: 'application/octet-stream', buffer: executable });
  const refused = files.getByRole('alert').filter({ hasText: 'Could not upload x.exe' });
  await expect(refused).toContainText('which is not accepted');
  await expect(page.getByRole('heading', { name: 'Attachments (1)' })).toBeVisible();
  await expectNoViolations(page, 'the item page with a file and a refused upload');

  await files.getByRole('button', { name: 'Delete minutes.txt' }).click();
  await files.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(files.getByRole('status')).toContainText('minutes.txt was deleted.');
  await expect(page.getByRole('heading', { name: 'Attachments (0)' })).toBeVisible();
  await expect(files.getByRole('button', { name: 'Download minutes.txt' })).toHaveCount(0);
});

test('teams and tags can be created, changed and deleted', async ({ page, request }) => {
  const { owner } = await ownerWithTenant(request, page);
  await open(page, 'Teams');
  await expect(page.getByText('No teams yet. Create one with New team, then add members.')).toBeVisible();
  const team = unique('Platform');
  await page.getByRole('button', { name: 'New team' }).click();
  const teamForm = page.getByRole('form', { name: 'New team' });
  await teamForm.getByRole('textbox', { name: 'Name' }).fill(team);
  await teamForm.getByRole('button', { name: 'Create team' }).click();
  const table = page.getByRole('table', { name: 'Teams' });
  await expect(table.getByRole('rowheader', { name: team })).toBeVisible();
  await choose(page, `Add a member to ${team}`, owner.name);
  await expect(table.getByRole('button', { name: `Remove ${owner.name} from ${team}` })).toBeVisible();
  await table.getByRole('button', { name: `Remove ${owner.name} from ${team}` }).click();
  await expect(table.getByText('No members yet.')).toBeVisible();
  await table.getByRole('button', { name: `Rename ${team}` }).click();
  await page.getByRole('form', { name: `Rename ${team}` }).getByRole('textbox', { name: 'Name' }).fill(`${team} core`);
  await page.getByRole('button', { name: 'Save team' }).click();
  await expect(table.getByRole('rowheader', { name: `${team} core` })).toBeVisible();
  await table.getByRole('button', { name: `Delete ${team} core` }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('button', { name: `Restore ${team} core` }).click();
  await expect(table.getByRole('rowheader', { name: `${team} core` })).toBeVisible();

  await open(page, 'Tags');
  await expect(page.getByText('No tags yet. Create one with New tag, then put it on items.')).toBeVisible();
  const tag = unique('bug');
  await page.getByRole('button', { name: 'New tag' }).click();
  const tagForm = page.getByRole('form', { name: 'New tag' });
  await tagForm.getByRole('textbox', { name: 'Name' }).fill(tag);
  await tagForm.getByRole('textbox', { name: 'Colour' }).fill('#c92a2a');
  // Leaving the field closes the colour picker, which covers the buttons below it.
  await page.keyboard.press('Tab');
  await tagForm.getByRole('button', { name: 'Create tag' }).click();
  const tags = page.getByRole('table', { name: 'Tags' });
  await expect(tags.getByRole('row', { name: new RegExp(tag) })).toContainText('#c92a2a');
  await tags.getByRole('button', { name: `Edit ${tag}` }).click();
  await page.getByRole('form', { name: `Edit ${tag}` }).getByRole('textbox', { name: 'Colour' }).fill('#2f9e44');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Save tag' }).click();
  await expect(tags.getByRole('row', { name: new RegExp(tag) })).toContainText('#2f9e44');
  await tags.getByRole('button', { name: `Delete ${tag}` }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText(`${tag} was deleted; items no longer show it.`)).toBeVisible();
});

test('the Work pages have no axe violations', async ({ page, request }) => {
  const { token } = await ownerWithTenant(request, page);
  const parent = await apiCreateItem(request, token, { title: 'Ship the release', priority: 'HIGH', dueDate: '2030-01-01' });
  await apiCreateItem(request, token, { title: 'Write the notes', parentId: parent, status: 'IN_PROGRESS' });

  await open(page, 'Board');
  await expect(page.getByRole('region', { name: 'To do' }).getByRole('link', { name: 'Ship the release' })).toBeVisible();
  await expectNoViolations(page, 'the board');

  await open(page, 'Items');
  await expect(page.getByRole('table', { name: 'Items' })).toContainText('Write the notes');
  await expectNoViolations(page, 'the item list');

  await page.getByRole('link', { name: 'Ship the release' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('created the item');
  await expect(page.getByText('0 of 1 subtasks done (0 %)')).toBeVisible();
  await expectNoViolations(page, 'the item page');

  await open(page, 'Teams');
  await expect(page.getByText('No teams yet.', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'the teams page');

  await open(page, 'Tags');
  await expect(page.getByText('No tags yet.', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'the tags page');

  await open(page, 'Analytics');
  await expect(page.getByRole('img', { name: /^Items by status: To do 1, In progress 1,/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Items by priority, figures' })).toContainText('High');
  await expectNoViolations(page, 'the analytics page');
});

test('a parent is found by a word of its title; past 100 subtasks the item page links to the list of all of them', async ({ page, request }) => {
  const { token } = await ownerWithTenant(request, page);
  // One word, so that the search (whole words) finds it and nothing else.
  const word = unique('milestone').replace(/-/g, '');
  const parentTitle = `Launch ${word}`;
  const parent = await apiCreateItem(request, token, { title: parentTitle });
  for (let step = 1; step <= 100; step++) await apiCreateItem(request, token, { title: `Step ${step}`, parentId: parent });
  const child = await apiCreateItem(request, token, { title: 'Announce it' });

  await page.goto(`/work/items/${child}`);
  await expect(page.getByRole('heading', { name: 'Announce it', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Parent item' }).fill(word);
  await page.getByRole('option', { name: parentTitle }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved (version 2)' })).toBeVisible();

  await page.goto(`/work/items/${parent}`);
  await expect(page.getByText('0 of 101 subtasks done')).toBeVisible();
  await expect(page.getByText('Showing 100 of 101 subtasks.')).toBeVisible();
  await page.getByRole('link', { name: 'See them all in the item list' }).click();
  await expect(page.getByRole('region', { name: 'Filters and order' }).getByRole('link', { name: parentTitle })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Items' }).getByRole('link', { name: 'Announce it' })).toBeVisible();
});
