// A developer's work in the console, as the seeds' developer does it: the organization's first owner arrives by the
// e-mailed invitation, registers an app, drafts its first version in the manifest editor (the published schema's
// findings appear as they type; the service's field errors appear next to the field on save), publishes it and
// takes the app's client secret, shown once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, ISSUER } from './support.js';
import { awaitLink } from './mailbox.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an organization owner registers an app, drafts and publishes a version and takes its secret', async () => {
  const platform = await person(browser);
  const { email: adminEmail, password: adminPassword } = admin();
  await signIn(platform, adminEmail, adminPassword, '/platform/developer-orgs');
  const orgName = unique('Makers');
  const ownerEmail = `dev-${Date.now()}@example.com`;
  await platform.getByLabel('Name', { exact: true }).fill(orgName);
  await platform.getByLabel("First owner's name").fill('Dana Developer');
  await platform.getByLabel("First owner's e-mail address").fill(ownerEmail);
  await platform.getByRole('button', { name: 'Create and invite the owner' }).click();
  await platform.getByRole('status').filter({ hasText: 'Created' }).waitFor();
  await platform.context().close();

  const dev = await person(browser);
  await dev.goto(await awaitLink(ownerEmail));
  await dev.getByLabel(/New password/).fill('a long and unusual passphrase');
  await dev.getByLabel('The same password again').fill('a long and unusual passphrase');
  await dev.getByRole('button', { name: 'Create account and join' }).click();
  await dev.waitForLoadState();
  await signIn(dev, ownerEmail, 'a long and unusual passphrase');
  const orgLink = dev.getByRole('link', { name: orgName });
  const listed = Date.now() + 15_000; // the owner's role reaches every service through the people feed
  while (await orgLink.count() === 0 && Date.now() < listed) {
    await dev.waitForTimeout(300);
    await dev.reload();
  }
  await orgLink.click();
  await dev.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

  const appName = unique('Site Diary');
  await dev.getByLabel('Name', { exact: true }).fill(appName);
  await dev.getByLabel('Description').fill('Daily reports from the site.');
  await dev.getByLabel('Contact e-mail address').fill('help@diary.example.com');
  await dev.getByRole('button', { name: 'Register' }).click();
  await dev.getByRole('heading', { level: 1, name: appName }).waitFor();
  await dev.getByRole('status').filter({ hasText: 'Registered' }).waitFor();

  // As they type: the published schema's findings, live.
  const editor = dev.getByLabel('Manifest (JSON)');
  await editor.fill('{"companyPermissions": {"directory": "everything"}, "scopes": ["directory.read"]}');
  await dev.locator('#manifest-findings .findings').waitFor();
  assert.match(await dev.locator('#manifest-findings').textContent(), /companyPermissions\/directory/);
  await editor.fill('{"companyPermissions": {"directory": "read_only"}, "scopes": ["directory.read"]');
  await dev.locator('#manifest-findings').getByText(/not valid JSON/).waitFor();
  await editor.fill('{"companyPermissions": {"directory": "read_only"}, "projectPermissions": {},'
    + ' "scopes": ["directory.read"], "redirectUris": ["https://diary.example.com/callback"]}');
  await dev.locator('#manifest-findings').getByText('satisfies the published manifest schema').waitFor();
  await checkPage(dev, 'developer-app-editor');

  // On save: the service's field error next to the field, and what was typed kept.
  await dev.getByLabel('Version (semantic, higher than every earlier one)').fill('first');
  await dev.getByRole('button', { name: 'Save as draft' }).click();
  await dev.locator('#version-error').waitFor();
  assert.match(await editor.inputValue(), /diary\.example\.com\/callback/);
  await dev.getByLabel('Version (semantic, higher than every earlier one)').fill('1.0.0');
  await dev.getByRole('button', { name: 'Save as draft' }).click();
  await dev.getByRole('status').filter({ hasText: 'saved as a draft' }).waitFor();
  await dev.getByRole('button', { name: 'Publish 1.0.0' }).click();
  await dev.getByRole('status').filter({ hasText: 'Published' }).waitFor();
  assert.match(await dev.locator('table tbody').textContent(), /1\.0\.0\s*published/);

  await dev.getByRole('button', { name: 'Regenerate client secret' }).click();
  await dev.getByRole('heading', { level: 1, name: `Client secret of ${appName}` }).waitFor();
  const clientId = (await dev.locator('#client-id').textContent()).trim();
  const secret = (await dev.locator('#client-secret').textContent()).trim();
  await checkPage(dev, 'developer-app-secret');
  await new Promise((r) => setTimeout(r, 1100)); // tokens of the regenerating second are cut off (api.js)
  const token = await fetch(`${ISSUER}/oauth2/token`, {
    method: 'POST',
    headers: { 'Authorization': 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  assert.equal(token.status, 200, 'the app\'s backend gets a token with the secret it was shown');
  await dev.getByRole('link', { name: 'I have saved it' }).click();
  assert.ok(!(await dev.content()).includes(secret), 'never shown again');
  await dev.context().close();
});
