// A developer's work in the console, as the seeds' developer does it: the organization's first owner arrives by the
// e-mailed invitation, registers an app, drafts its first version in the manifest editor (the published schema's
// findings appear as they type; the service's field errors appear next to the field on save), publishes it and
// takes the app's client secret, shown once. Then, as the owner: the organization's members (invite, roles, invite
// again, remove; the last owner cannot step down), and the app's reports once the marketplace's reviewer listed it,
// a company's admin installed it and the app used it: the DMSA story, each step in the browser of the person who
// takes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, CONSOLE, ISSUER, DIRECTORY } from './support.js';
import { company, appToken, invite } from './api.js';
import { companyAdmin } from './people.js';
import { awaitLink } from './mailbox.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

let dev;
let orgId;
let ownerEmail;
let ownerLink;
let appId;
let appName;
let clientId;

test('an organization owner registers an app, drafts and publishes a version and takes its secret', async () => {
  const platform = await person(browser);
  const { email: adminEmail, password: adminPassword } = admin();
  await signIn(platform, adminEmail, adminPassword, '/platform/developer-orgs');
  const orgName = unique('Makers');
  ownerEmail = `dev-${Date.now()}@example.com`;
  await platform.getByLabel('Name', { exact: true }).fill(orgName);
  await platform.getByLabel("First owner's name").fill('Dana Developer');
  await platform.getByLabel("First owner's e-mail address").fill(ownerEmail);
  await platform.getByRole('button', { name: 'Create and invite the owner' }).click();
  await platform.getByRole('status').filter({ hasText: 'Created' }).waitFor();
  await platform.context().close();

  dev = await person(browser);
  ownerLink = await awaitLink(ownerEmail);
  await dev.goto(ownerLink);
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

  appName = unique('Site Diary');
  await dev.getByLabel('Name', { exact: true }).fill(appName);
  await dev.getByLabel('Description').fill('Daily reports from the site.');
  await dev.getByLabel('Contact e-mail address').fill('help@diary.example.com');
  await dev.getByRole('button', { name: 'Register' }).click();
  await dev.getByRole('heading', { level: 1, name: appName }).waitFor();
  await dev.getByRole('status').filter({ hasText: 'Registered' }).waitFor();
  [, orgId, appId] = dev.url().match(/developer-orgs\/([0-9a-f-]{36})\/apps\/([0-9a-f-]{36})/);

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
  clientId = (await dev.locator('#client-id').textContent()).trim();
  const secret = (await dev.locator('#client-secret').textContent()).trim();
  await checkPage(dev, 'developer-app-secret');
  const token = await fetch(`${ISSUER}/oauth2/token`, {
    method: 'POST',
    headers: { 'Authorization': 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  assert.equal(token.status, 200, 'the app\'s backend gets a token with the secret it was shown');
  await dev.getByRole('link', { name: 'I have saved it' }).click();
  assert.ok(!(await dev.content()).includes(secret), 'never shown again');
});

test('the owner manages the organization\'s members and reads the app\'s installs and API activity', async () => {
  assert.ok(appId, 'the first test registered the app');
  await dev.getByRole('link', { name: 'Overview' }).click();
  const members = dev.locator('#members-heading ~ table tbody');

  // Invite a developer: e-mailed, listed as invited; invite again; make them owner and developer again.
  const eliEmail = `eli-${Date.now()}@example.com`;
  await dev.getByLabel("Developer's name").fill('Eli Engineer');
  await dev.getByLabel("Developer's e-mail address").fill(ownerEmail);
  await dev.getByRole('button', { name: 'Invite' }).click();
  assert.match(await dev.getByRole('alert').textContent(), /already/i, 'a member has that address');
  assert.equal(await dev.getByLabel("Developer's name").inputValue(), 'Eli Engineer', 'what was typed is kept');
  await dev.getByLabel("Developer's e-mail address").fill(eliEmail);
  await dev.getByRole('button', { name: 'Invite' }).click();
  await dev.getByRole('status').filter({ hasText: 'Invited' }).waitFor();
  const eli = members.locator('tr').filter({ hasText: 'Eli Engineer' });
  assert.match(await eli.textContent(), /developer\s*invited/);
  const first = await awaitLink(eliEmail);
  await eli.getByRole('button', { name: 'Invite Eli Engineer again' }).click();
  await dev.getByRole('status').filter({ hasText: 'Invited again' }).waitFor();
  const second = await awaitLink(eliEmail, 20_000, first);
  assert.notEqual(second, first, 'a new link');
  await eli.getByRole('button', { name: 'Make Eli Engineer owner' }).click();
  await dev.getByRole('status').filter({ hasText: 'now an owner' }).waitFor();
  assert.match(await eli.textContent(), /owner/);
  await eli.getByRole('button', { name: 'Make Eli Engineer developer' }).click();
  await dev.getByRole('status').filter({ hasText: 'now a developer' }).waitFor();
  await checkPage(dev, 'developer-org-members');

  // The only owner cannot step down: app-management-service refuses, and the page says why.
  await members.locator('tr').filter({ hasText: 'Dana Developer' })
    .getByRole('button', { name: 'Make Dana Developer developer' }).click();
  assert.match(await dev.getByRole('alert').textContent(), /owner/i);
  assert.match(await members.locator('tr').filter({ hasText: 'Dana Developer' }).textContent(), /owner/);

  await eli.getByRole('button', { name: 'Remove Eli Engineer' }).click();
  await dev.getByRole('status').filter({ hasText: 'Removed' }).waitFor();
  assert.equal(await eli.count(), 0, 'a removed member is no longer listed');

  // The marketplace's reviewer approves the listing; a company's admin turns the app on and installs it, each in
  // their own browser; then the app's backend calls the directory twice.
  const reviewer = await person(browser);
  const { email: adminEmail, password: adminPassword } = admin();
  await signIn(reviewer, adminEmail, adminPassword, '/platform/reviews');
  const listing = reviewer.locator('article.request').filter({ hasText: appName });
  await listing.getByRole('button', { name: `Approve ${appName}` }).click();
  await reviewer.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
  await reviewer.context().close();

  const acme = await company(unique('Acme'));
  const ada = await companyAdmin(browser, acme.id);
  await ada.goto(`${CONSOLE}/companies/${acme.id}/apps`);
  await ada.getByRole('link', { name: appName }).click();
  await ada.getByLabel(/On: admins may install it/).check();
  await ada.getByRole('button', { name: 'Save' }).click();
  await ada.getByRole('status').filter({ hasText: 'was changed' }).waitFor();
  await ada.getByRole('link', { name: 'Install…' }).click();
  await ada.getByLabel('All current and future projects').check();
  await ada.getByRole('button', { name: `Install ${appName}` }).click();
  await ada.getByRole('status').filter({ hasText: 'Installed.' }).waitFor();
  assert.match(await ada.locator('main').textContent(), /All current and future projects/);
  await ada.context().close();
  const token = await appToken(clientId, acme.id);
  const call = () => fetch(`${DIRECTORY}/companies/${acme.id}`, { headers: { Authorization: `Bearer ${token}` } });
  // The directory learns of the installation's app user from its events: refused (403) until then.
  for (const until = Date.now() + 15_000; (await call()).status !== 200;) {
    assert.ok(Date.now() < until, 'the installed app may read the company');
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal((await call()).status, 200);

  await dev.getByRole('link', { name: `Reports of ${appName}` }).click();
  await dev.getByRole('heading', { level: 2, name: /Installs from/ }).waitFor();
  const activity = dev.locator('#activity tbody');
  const counted = Date.now() + 90_000; // usage is published every interval (2 s in the CI stack, 60 s by default)
  while (!/200\s*GET\s*\/companies\/\{companyId\}\s*2/.test(await activity.textContent()) && Date.now() < counted) {
    await dev.waitForTimeout(1000);
    await dev.reload();
  }
  assert.match(await activity.textContent(), /200\s*GET\s*\/companies\/\{companyId\}\s*2/);
  assert.equal(await dev.locator('#installs-total').textContent(), '1');
  const companies = dev.locator('#installs-heading ~ table').first();
  assert.match(await companies.textContent(), new RegExp(`${acme.id}\\s*active`));
  assert.equal(await dev.locator('#installs-chart canvas').count(), 1, 'the installs chart is drawn');
  await checkPage(dev, 'developer-reports');

  // The CSV holds the same rows.
  const csv = await dev.evaluate(async (href) => (await fetch(href)).text(),
    await dev.getByRole('link', { name: 'Download the period as CSV' }).getAttribute('href'));
  assert.match(csv.split('\n')[0], /day.*status.*method.*route.*requests/);
  assert.match(csv, /GET,\/companies\/\{companyId\},2/);

  // A period the report refuses is said next to the dates, not a broken page.
  await dev.getByRole('textbox', { name: /^From/ }).fill('2020-01-01');
  await dev.getByRole('textbox', { name: 'To', exact: true }).fill('2026-01-01');
  await dev.getByRole('button', { name: 'Show' }).click();
  assert.match(await dev.getByRole('alert').textContent(), /366/);
  assert.equal(await dev.getByRole('textbox', { name: /^From/ }).inputValue(), '2020-01-01', 'the dates are kept');
  await checkPage(dev, 'developer-reports-refused');
});

test('the owner edits the app\'s details and registers a company-owned app for their own company', async () => {
  assert.ok(appId, 'the first test registered the app');
  await dev.goto(`${CONSOLE}/developer-orgs/${orgId}/apps/${appId}`);
  await dev.getByRole('link', { name: 'Edit details' }).click();
  await dev.getByLabel('Description').fill('Daily reports and photos from the site.');
  await dev.getByLabel(/Documentation link/).fill('http://diary.example.com/docs');
  await dev.getByRole('button', { name: 'Save details' }).click();
  assert.match(await dev.locator('#d-docs-error').textContent(), /https/);
  assert.equal(await dev.getByLabel('Description').inputValue(), 'Daily reports and photos from the site.');
  await checkPage(dev, 'developer-app-details-refused');
  await dev.getByLabel(/Documentation link/).fill('https://diary.example.com/docs');
  await dev.getByRole('button', { name: 'Save details' }).click();
  await dev.getByRole('status').filter({ hasText: 'details were saved' }).waitFor();
  assert.equal(await dev.getByRole('link', { name: 'documentation' }).getAttribute('href'),
    'https://diary.example.com/docs');

  // Dana also works for a company; there she may register an app of its own, which no review holds up.
  const own = await company(unique('Diary Builders'));
  await invite(own.id, 'Dana Developer', ownerEmail);
  await dev.goto(await awaitLink(ownerEmail, 20_000, ownerLink));
  await dev.getByLabel('Password').fill('a long and unusual passphrase');
  await dev.getByRole('button', { name: 'Sign in and join' }).click();
  await dev.waitForLoadState();
  await dev.goto(`${CONSOLE}/developer-orgs/${orgId}`);
  const option = dev.getByLabel(/Company-owned/);
  for (const until = Date.now() + 15_000; await option.count() === 0 && Date.now() < until;) {
    await dev.waitForTimeout(300);
    await dev.reload();
  }
  const ownApp = unique('Yard Log');
  await dev.getByLabel('Name', { exact: true }).fill(ownApp);
  await option.check();
  await dev.getByLabel(/^Company/).selectOption({ label: own.name });
  await dev.getByRole('button', { name: 'Register' }).click();
  await dev.getByRole('status').filter({ hasText: 'Registered' }).waitFor();
  assert.match(await dev.locator('.facts').textContent(), /Kind\s*company/);
  await dev.context().close();
});
