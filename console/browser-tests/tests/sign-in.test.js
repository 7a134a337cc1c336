// A person signs in to the console through token-service's form, sees where they may act, and signs out of the
// console and of Gatehouse at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, CONSOLE, ISSUER } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the first platform admin signs in, sees the start page and signs out everywhere', async () => {
  const page = await person(browser);
  const { email, password } = admin();
  await page.goto(CONSOLE + '/');
  assert.match(page.url(), new RegExp('^' + ISSUER + '/signin'), 'the console sends the browser to sign in');
  await signIn(page, email, password);
  await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor();
  assert.match(await page.getByText('Signed in as').textContent(), new RegExp(email));
  assert.equal(await page.getByRole('link', { name: 'Platform', exact: true }).count(), 1,
    'a platform admin sees Platform');
  const cookies = await page.context().cookies(CONSOLE);
  const session = cookies.find((c) => c.name.startsWith('q_session'));
  assert.ok(session, 'the console keeps a session cookie');
  assert.ok(session.httpOnly, 'which scripts cannot read');
  assert.ok(session.value.length < 400, 'holding a handle, not tokens');
  assert.ok(!session.value.includes('eyJ'), 'no JWT in the cookie');
  await checkPage(page, 'start');

  // Their own account: who they are, and this browser among their sessions.
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  assert.match(await page.locator('.facts').textContent(), new RegExp(email));
  assert.match(await page.locator('table').first().textContent(), /this browser/);
  assert.equal(await page.getByRole('link', { name: 'Change your password' }).getAttribute('href'),
    ISSUER + '/account/password');
  await checkPage(page, 'account');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/signed-out');
  await checkPage(page, 'signed-out');

  // Signed out of Gatehouse too: the console sends the browser to the sign-in form again.
  await page.goto(CONSOLE + '/');
  assert.match(page.url(), new RegExp('^' + ISSUER + '/signin'));
  await page.context().close();
});
