// A member asks for an app the company allows, and an admin approves it in the console: the member arrives by the
// e-mailed invitation, signs in, sees the company on their start page and asks from the app's page; the company's
// admin (a person too) approves it on the Install requests page, which installs the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, signIn, checkPage, unique, CONSOLE } from './support.js';
import { company, listedApp, invite } from './api.js';
import { companyAdmin, joined, PASSWORD } from './people.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MANIFEST = {
  companyPermissions: { directory: 'read_only' },
  projectPermissions: { documents: 'read_only' },
  scopes: ['directory.read'],
  redirectUris: ['https://reports.example.com/callback'],
};

test('a member asks for an allowed app and an admin approves the request, which installs it', async () => {
  const acme = await company(unique('Acme'));
  const appName = unique('Reports');
  const { app } = await listedApp(appName, MANIFEST);

  // The member: invited by e-mail, sets a password, signs in to the console.
  const email = `member-${Date.now()}@example.com`;
  await invite(acme.id, 'Mel Member', email);
  const member = await joined(browser, email);

  // The company's admin allows the app (members may ask; admins decide).
  const adminPage = await companyAdmin(browser, acme.id);
  await adminPage.goto(`${CONSOLE}/companies/${acme.id}/apps/${app.id}`);
  await adminPage.getByLabel(/Allow: members may ask for it/).check();
  await adminPage.getByRole('button', { name: 'Save' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'was changed' }).waitFor();

  await signIn(member, email, PASSWORD);
  const companyLink = member.getByRole('link', { name: acme.name });
  const listed = Date.now() + 15_000; // the member's role reaches every service through the people feed
  while (await companyLink.count() === 0 && Date.now() < listed) {
    await member.waitForTimeout(300);
    await member.reload();
  }
  await companyLink.click();
  await member.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await member.goto(`${CONSOLE}/companies/${acme.id}/apps/${app.id}`);
  assert.equal(await member.getByRole('link', { name: 'Install…' }).count(), 0, 'a member cannot install');
  await member.getByLabel(/Why you need it/).fill('For the monthly reports');
  await member.getByRole('button', { name: 'Ask an admin to install it' }).click();
  await member.getByRole('status').filter({ hasText: 'install request was sent' }).waitFor();
  await checkPage(member, 'install-request-sent');

  await adminPage.getByRole('link', { name: 'Install requests' }).click();
  const request = adminPage.locator('article.request').filter({ hasText: appName });
  assert.match(await request.textContent(), /For the monthly reports/);
  await checkPage(adminPage, 'install-requests');
  await request.getByRole('button', { name: 'Approve and install' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
  assert.match(await adminPage.locator('table tbody').textContent(), new RegExp(`${appName}[\\s\\S]*approved`));
  await adminPage.getByRole('link', { name: 'Installed apps' }).click();
  assert.match(await adminPage.locator('table tbody').textContent(), new RegExp(`${appName}[\\s\\S]*active`));
  await member.context().close();
  await adminPage.context().close();
});
