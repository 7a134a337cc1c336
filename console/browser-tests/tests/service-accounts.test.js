// Itential's service-account flow, in the console as a company's admin would do it (here the platform admin, who
// may act in every company): create one and see its secret once with its creation time and the warning to save it;
// afterwards only masked secrets with when each was made and last used; rotate to two live secrets; regenerate
// (confirmed) for a new one shown once; disable with a reason (the banner) and enable again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, ISSUER } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function tokenWith(clientId, secret) {
  return fetch(ISSUER + '/oauth2/token', {
    method: 'POST',
    headers: {
      'Authorization': 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
}

test('a company admin creates a service account, saves its secret once, rotates, regenerates, disables it',
  async () => {
  const page = await person(browser);
  const { email, password } = admin();
  await signIn(page, email, password, '/platform/companies');

  // A company to work in, made through the console's platform pages.
  const company = unique('Acme');
  await page.getByLabel('Name').fill(company);
  await page.getByRole('button', { name: 'Create company' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.equal(await page.locator('.place-name').textContent(), company);
  await checkPage(page, 'company-overview');

  await page.getByRole('link', { name: 'Service accounts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service accounts' }).waitFor();
  await page.getByText('No service accounts yet.').waitFor();
  await checkPage(page, 'service-accounts-empty');

  // A refused form keeps what was typed and says what is wrong next to the field.
  await page.getByLabel('Name', { exact: true }).fill('Nightly export');
  await page.getByLabel(/Token lifetime/).fill('5');
  await page.getByRole('checkbox', { name: /projects\.read/ }).check();
  await page.getByRole('button', { name: 'Create service account' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.locator('#sa-lifetime-error').textContent(), /at least 60/);
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Nightly export');
  assert.equal(await page.getByLabel(/Token lifetime/).inputValue(), '5');
  assert.ok(await page.getByRole('checkbox', { name: /projects\.read/ }).isChecked());
  await checkPage(page, 'service-accounts-refused');

  // Created: the secret is shown once, with when it was made and the warning in bold.
  await page.getByLabel(/Token lifetime/).fill('900');
  await page.getByRole('button', { name: 'Create service account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service account created' }).waitFor();
  assert.match(await page.locator('.secret-once strong').textContent(), /Save this secret now/);
  const clientId = (await page.locator('#client-id').textContent()).trim();
  const secret = (await page.locator('#client-secret').textContent()).trim();
  assert.match(clientId, /^sa_/);
  assert.ok(secret.length >= 32, 'a real secret is shown');
  assert.match(await page.locator('.facts').textContent(), /Created\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await page.getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  await checkPage(page, 'service-account-secret-once');
  assert.equal((await tokenWith(clientId, secret)).status, 200, 'the secret shown works');

  // Afterwards: masked, with its times; the secret itself is nowhere on the page.
  await page.getByRole('link', { name: 'I have saved it' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nightly export' }).waitFor();
  const html = await page.content();
  assert.ok(!html.includes(secret), 'the secret is never shown again');
  const rows = page.locator('table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /••••/);
  assert.doesNotMatch(await rows.first().locator('td').nth(3).textContent(), /never/, 'last used is known');
  await page.getByText('Details', { exact: true }).click();
  assert.match(await page.locator('.drawer').textContent(), /900 seconds/);
  assert.match(await page.locator('.drawer').textContent(), /projects\.read/);
  await checkPage(page, 'service-account');

  // Rotate: two live secrets, the new one shown once.
  await page.getByRole('button', { name: /Add a second secret/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Second secret added' }).waitFor();
  const second = (await page.locator('#client-secret').textContent()).trim();
  assert.notEqual(second, secret);
  await page.getByRole('link', { name: 'I have saved it' }).click();
  assert.equal(await page.locator('table tbody tr').count(), 2, 'both secrets live while rotating');
  assert.equal((await tokenWith(clientId, secret)).status, 200, 'the old one still works until it expires');
  assert.equal((await tokenWith(clientId, second)).status, 200);

  // Regenerate (confirmed): every earlier secret stops; the new one is shown once.
  await page.getByRole('button', { name: 'Regenerate secret' }).click();
  await page.getByRole('heading', { level: 1, name: 'Secret regenerated' }).waitFor();
  const third = (await page.locator('#client-secret').textContent()).trim();
  assert.equal((await tokenWith(clientId, secret)).status, 401);
  assert.equal((await tokenWith(clientId, second)).status, 401);
  assert.equal((await tokenWith(clientId, third)).status, 200);
  await page.getByRole('link', { name: 'I have saved it' }).click();
  assert.equal(await page.locator('table tbody tr').count(), 1);

  // Disable with a reason: the banner; it cannot get tokens. Enable again.
  await page.getByLabel(/Reason/).fill('Rotating the integration host');
  await page.getByRole('switch', { name: /disable/ }).click();
  await page.getByRole('status').filter({ hasText: 'Disabled.' }).waitFor();
  assert.match(await page.locator('.banner.off').textContent(), /disabled[\s\S]*Rotating the integration host/);
  assert.equal((await tokenWith(clientId, third)).status, 401);
  await checkPage(page, 'service-account-disabled');
  await page.getByRole('switch', { name: /enable/ }).click();
  await page.getByRole('status').filter({ hasText: 'Enabled.' }).waitFor();
  assert.equal(await page.locator('.banner.off').count(), 0);
  assert.equal((await tokenWith(clientId, third)).status, 200);

  // The list shows it, enabled.
  await page.getByRole('link', { name: 'Service accounts' }).click();
  assert.match(await page.locator('table tbody').textContent(),
    new RegExp(`Nightly export[\\s\\S]*${clientId}[\\s\\S]*enabled`));
  await page.context().close();
});
