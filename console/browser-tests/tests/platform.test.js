// The platform admin's pages: a developer organization created with its first owner invited by e-mail, the
// marketplace review queue (one listing rejected with a reason, one approved), and a signing-key rotation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique } from './support.js';
import { publishedApp, get, APPS } from './api.js';
import { awaitLink } from './mailbox.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MANIFEST = { companyPermissions: { directory: 'read_only' }, projectPermissions: {}, scopes: ['directory.read'] };

test('a platform admin creates a developer organization, reviews listings and rotates a signing key', async () => {
  const page = await person(browser);
  const { email, password } = admin();
  await signIn(page, email, password, '/platform/developer-orgs');
  await page.getByRole('heading', { level: 1, name: 'Developer organizations' }).waitFor();

  const orgName = unique('Builders');
  const owner = `owner-${Date.now()}@example.com`;
  await page.getByLabel('Name', { exact: true }).fill(orgName);
  await page.getByLabel("First owner's name").fill('Olga Owner');
  await page.getByLabel("First owner's e-mail address").fill(owner);
  await page.getByRole('button', { name: 'Create and invite the owner' }).click();
  await page.getByRole('status').filter({ hasText: 'Created' }).waitFor();
  assert.match(await page.locator('table tbody').textContent(), new RegExp(orgName));
  assert.match(await awaitLink(owner), /\/invitations\/accept\?token=/, 'the owner is invited by e-mail');
  await checkPage(page, 'platform-developer-orgs');

  const rejected = unique('Sloppy');
  const approved = unique('Tidy');
  const { app: sloppy } = await publishedApp(rejected, MANIFEST);
  const { app: tidy } = await publishedApp(approved, MANIFEST);
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Marketplace review queue' }).waitFor();
  await checkPage(page, 'platform-reviews');
  const sloppyCard = page.locator('article.request').filter({ hasText: rejected });
  await sloppyCard.getByLabel('Reason its developers will see').fill('The privacy policy link is missing.');
  await sloppyCard.getByRole('button', { name: `Reject ${rejected}` }).click();
  await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
  await page.locator('article.request').filter({ hasText: approved })
    .getByRole('button', { name: `Approve ${approved}` }).click();
  await page.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
  assert.equal(await page.locator('article.request').filter({ hasText: approved }).count(), 0);
  assert.equal((await get(`${APPS}/apps/${sloppy.id}`)).listingNote, 'The privacy policy link is missing.');
  assert.equal((await get(`${APPS}/apps/${tidy.id}`)).listingStatus, 'approved');

  await page.getByRole('link', { name: 'Signing keys' }).click();
  const activeBefore = await page.locator('tbody tr').filter({ hasText: 'active' }).filter({ hasText: 'ES256' })
    .locator('code').textContent();
  await page.getByLabel('Algorithm').selectOption('ES256');
  await page.getByRole('button', { name: 'Rotate now' }).click();
  await page.getByRole('status').filter({ hasText: 'Rotated' }).waitFor();
  const activeAfter = await page.locator('tbody tr').filter({ hasText: 'active' }).filter({ hasText: 'ES256' })
    .locator('code').textContent();
  assert.notEqual(activeAfter, activeBefore, 'a new ES256 key is active');
  assert.match(await page.locator('tbody tr').filter({ hasText: activeBefore }).textContent(), /previous/);
  await checkPage(page, 'platform-signing-keys');
  await page.context().close();
});
