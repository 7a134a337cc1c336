// A company's own admin at work, a person of the seeds rather than the platform admin: invited on the People page,
// made admin there (the Role column says so), they sign in, set their own name, and run the company's service
// accounts as Itential's Admin Essentials does: edit the details and the permissions (the high-risk one needs its
// acknowledgement), which take effect on the tokens the account already holds; and they move a deprecated legacy
// service account onto the developer's app, accepting what the app adds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, CONSOLE, DIRECTORY, ISSUER } from './support.js';
import { APPS, company, project, listedApp, eventually } from './api.js';
import { joined, PASSWORD } from './people.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function clientToken(clientId, secret) {
  const response = await fetch(ISSUER + '/oauth2/token', {
    method: 'POST',
    headers: {
      'Authorization': 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()).access_token;
}

/** The status a call to the directory answers with this token, once it is what we wait for (or after 15 s). */
async function awaitStatus(url, token, wanted) {
  const until = Date.now() + 15_000;
  let status;
  do {
    status = (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status;
    if (status === wanted) return status;
    await new Promise((r) => setTimeout(r, 300));
  } while (Date.now() < until);
  return status;
}

/** Waits until the person's start page lists the company (their role reaches the services through events). */
async function openCompany(page, name) {
  const link = page.getByRole('link', { name });
  const until = Date.now() + 15_000;
  while (await link.count() === 0 && Date.now() < until) {
    await page.waitForTimeout(300);
    await page.reload();
  }
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

let acme;
let cara;

test('a person invited on the People page is made company admin there and signs in as one', async () => {
  acme = await company(unique('Acme'));
  const platform = await person(browser);
  const { email: adminEmail, password } = admin();
  await signIn(platform, adminEmail, password, `/companies/${acme.id}/people`);

  const email = `cara-${Date.now()}@example.com`;
  await platform.getByLabel('Name').fill('Cara Admin');
  await platform.getByLabel('E-mail address').fill(email);
  await platform.getByRole('button', { name: 'Invite' }).click();
  await platform.getByRole('status').filter({ hasText: 'Invited' }).waitFor();
  const row = platform.locator('table tbody tr').filter({ hasText: 'Cara Admin' });
  assert.match(await row.textContent(), /person\s*member/);

  cara = await joined(browser, email);

  await platform.reload();
  await row.getByRole('button', { name: 'Make Cara Admin admin' }).click();
  await platform.getByRole('status').filter({ hasText: 'now an admin' }).waitFor();
  assert.match(await row.textContent(), /company admin/);
  assert.equal(await row.getByRole('button', { name: 'Make Cara Admin admin' }).count(), 0);
  assert.equal(await row.getByRole('button', { name: 'Make Cara Admin member' }).count(), 1);
  await checkPage(platform, 'people-roles');
  await platform.context().close();

  await signIn(cara, email, PASSWORD);

  // Her profile: her own name, which only she changes; a blank one is refused next to the field.
  await cara.getByRole('navigation', { name: 'Your account' }).getByRole('link').first().click();
  await cara.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  await cara.getByLabel('Your name').fill('   ');
  await cara.getByRole('button', { name: 'Save your name' }).click();
  assert.match(await cara.locator('#display-name-error').textContent(), /blank/);
  await cara.getByLabel('Your name').fill('Cara Admin-Smith');
  await cara.getByRole('button', { name: 'Save your name' }).click();
  await cara.getByRole('status').filter({ hasText: 'Your name was saved' }).waitFor();
  assert.equal(await cara.getByLabel('Your name').inputValue(), 'Cara Admin-Smith');
  assert.match(await cara.locator('.facts').textContent(), /Name\s*Cara Admin-Smith/);
  await checkPage(cara, 'account-profile');

  await cara.goto(CONSOLE);
  await openCompany(cara, acme.name);
});

test('the company admin edits a service account: details, then permissions that apply to its live tokens',
  async () => {
  assert.ok(cara, 'the first test made Cara a company admin');
  const tower = await project(acme.id, 'Tower');
  await cara.getByRole('link', { name: 'Service accounts' }).click();
  await cara.getByLabel('Name', { exact: true }).fill('Nightly export');
  await cara.getByRole('checkbox', { name: /directory\.read/ }).check();
  await cara.getByRole('checkbox', { name: /projects\.read/ }).check();
  await cara.getByRole('button', { name: 'Create service account' }).click();
  await cara.getByRole('heading', { level: 1, name: 'Service account created' }).waitFor();
  const clientId = (await cara.locator('#client-id').textContent()).trim();
  const secret = (await cara.locator('#client-secret').textContent()).trim();
  await cara.getByRole('link', { name: 'I have saved it' }).click();

  // Its token works and carries the scopes, but its directory user may do nothing yet.
  const token = await clientToken(clientId, secret);
  const users = `${DIRECTORY}/companies/${acme.id}/users`;
  const refused = await fetch(users, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(refused.status, 403);
  assert.doesNotMatch((await refused.json()).type, /insufficient-scope/, 'refused for its permissions');
  assert.match(await cara.locator('#permissions-heading + dl').textContent(), /On the company\s*none/);

  await cara.getByRole('link', { name: 'Edit details and permissions' }).click();
  await cara.getByRole('heading', { level: 1, name: 'Edit Nightly export' }).waitFor();
  await checkPage(cara, 'service-account-edit');

  // Details: a refused form keeps what was typed; then saved.
  await cara.getByLabel('Name', { exact: true }).fill('Nightly export v2');
  await cara.getByLabel(/Token lifetime/).fill('an hour');
  await cara.getByRole('button', { name: 'Save details' }).click();
  assert.match(await cara.locator('#sa-lifetime-error').textContent(), /whole number/);
  assert.equal(await cara.getByLabel('Name', { exact: true }).inputValue(), 'Nightly export v2');
  await cara.getByLabel(/Token lifetime/).fill('1200');
  await cara.getByRole('button', { name: 'Save details' }).click();
  await cara.getByRole('status').filter({ hasText: 'details were saved' }).waitFor();
  await cara.getByRole('heading', { level: 1, name: 'Nightly export v2' }).waitFor();
  await cara.getByText('Details', { exact: true }).click();
  assert.match(await cara.locator('.drawer').textContent(), /1200 seconds/);

  // Permissions: admin on the Directory is high risk and needs the acknowledgement; the choices are kept.
  await cara.getByRole('link', { name: 'Edit details and permissions' }).click();
  const permissions = cara.locator('form').filter({ has: cara.getByRole('button', { name: 'Save permissions' }) });
  await permissions.getByRole('group', { name: 'On the company' })
    .getByRole('combobox', { name: 'Directory' }).selectOption({ label: 'admin' });
  await permissions.getByRole('group', { name: 'On each chosen project' })
    .getByRole('combobox', { name: 'Documents' }).selectOption({ label: 'standard' });
  await permissions.getByLabel('Tower').check();
  await permissions.getByRole('button', { name: 'Save permissions' }).click();
  assert.match(await cara.locator('#ack-error').textContent(), /must be true/);
  const kept = cara.locator('form').filter({ has: cara.getByRole('button', { name: 'Save permissions' }) });
  assert.equal(await kept.getByRole('group', { name: 'On the company' }).getByRole('combobox', { name: 'Directory' })
    .inputValue(), 'directory=admin');
  assert.ok(await kept.getByLabel('Tower').isChecked());
  await checkPage(cara, 'service-account-edit-refused');
  await kept.getByLabel(/I understand that admin on the Directory/).check();
  await kept.getByRole('button', { name: 'Save permissions' }).click();
  await cara.getByRole('status').filter({ hasText: 'permissions were saved' }).waitFor();
  const summary = await cara.locator('#permissions-heading + dl').textContent();
  assert.match(summary, /directory\s*admin\s*high risk/);
  assert.match(summary, /documents\s*standard/);
  assert.match(summary, /1 chosen/);

  // The token it already holds is judged by them now: the directory answers it.
  assert.equal(await awaitStatus(users, token, 200), 200, 'the live token gains the new permission');
  assert.equal(await awaitStatus(`${DIRECTORY}/companies/${acme.id}/projects/${tower.id}`, token, 200), 200);
});

test('the company admin migrates a deprecated legacy service account onto the developer\'s app', async () => {
  assert.ok(cara, 'the first test made Cara a company admin');
  const depot = await project(acme.id, 'Depot');
  // app-management hears of the new project through the directory's events.
  const legacy = await eventually('POST', `${APPS}/companies/${acme.id}/legacy-service-accounts`, {
    name: 'Old sync', description: 'Made by hand years ago',
    companyPermissions: { directory: 'read_only' }, projectPermissions: { documents: 'read_only' },
    projectIds: [depot.id],
  });
  const appName = unique('DocSync');
  await listedApp(appName, {
    companyPermissions: { directory: 'read_only' },
    projectPermissions: { documents: 'standard' },
    justifications: { documents: 'Writes the files it syncs.' },
    scopes: ['directory.read'],
  });

  await cara.goto(`${CONSOLE}/companies/${acme.id}/service-accounts`);
  const section = cara.locator('section')
    .filter({ has: cara.getByRole('heading', { name: /Legacy service accounts/ }) });
  assert.match(await section.textContent(), /Old sync\s*active/);
  await section.getByRole('link', { name: 'Old sync' }).click();
  await cara.getByRole('heading', { level: 1, name: 'Old sync' }).waitFor();
  assert.match(await cara.locator('.banner.warn').textContent(), /Deprecated/);
  assert.match(await cara.locator('.facts').textContent(), /documents\s*read_only[\s\S]*Depot/);
  // The app is not on here yet: nothing to move onto.
  await cara.getByText(/No app can be installed here yet/).waitFor();
  await checkPage(cara, 'legacy-service-account');

  // Turned on in App Management, it can take the account's place.
  const catalogue = `${CONSOLE}/companies/${acme.id}/apps`;
  await cara.goto(catalogue);
  await cara.getByRole('link', { name: appName }).click();
  await cara.getByLabel(/On: admins may install it/).check();
  await cara.getByRole('button', { name: 'Save' }).click();
  await cara.getByRole('status').filter({ hasText: 'was changed' }).waitFor();
  await cara.goto(`${CONSOLE}/companies/${acme.id}/legacy-service-accounts/${legacy.id}`);

  // The app writes documents where the account only read them: refused until the admin accepts it.
  await cara.getByLabel('The app that replaces it').selectOption({ label: appName });
  await cara.getByRole('button', { name: 'Migrate' }).click();
  assert.match(await cara.getByRole('alert').textContent(), /needs more than the account had[\s\S]*documents/);
  assert.equal(await cara.getByLabel('The app that replaces it').inputValue(),
    await cara.getByLabel('The app that replaces it').locator('option', { hasText: appName }).getAttribute('value'));
  await cara.getByLabel(/I accept the permissions the app adds/).check();
  await cara.getByRole('button', { name: 'Migrate' }).click();
  await cara.getByRole('status').filter({ hasText: 'was migrated' }).waitFor();
  assert.match(await cara.locator('table').textContent(), /documents \(projects\)\s*read_only\s*standard\s*raised/);
  await checkPage(cara, 'legacy-migrated');

  await cara.getByRole('link', { name: 'Open the installation' }).click();
  assert.match(await cara.locator('#projects-heading ~ ul').textContent(), /Depot/);
  await cara.goto(`${CONSOLE}/companies/${acme.id}/legacy-service-accounts/${legacy.id}`);
  assert.match(await cara.locator('.banner.off').textContent(), /migrated/);
  assert.equal(await cara.getByRole('button', { name: 'Migrate' }).count(), 0);
  await cara.context().close();
});
