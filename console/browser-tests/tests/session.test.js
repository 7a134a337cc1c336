// The console's server side as a browser meets it: a session that token-service has ended elsewhere sends the
// person to sign in again (and never loops); a service's refusal is a page in plain words with its status; a form
// sent without the session's CSRF token changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, person, signIn, checkPage, admin, CONSOLE, ISSUER, DIRECTORY } from './support.js';
import { all } from './api.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a session ended at token-service sends the person to sign in again', async () => {
  const page = await person(browser);
  const { email, password } = admin();
  await signIn(page, email, password, '/platform/companies');
  await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();

  // Signed out of Gatehouse in another tab: token-service's own sign-out page.
  const other = await page.context().newPage();
  await other.goto(ISSUER + '/oauth2/logout');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await other.waitForLoadState();
  await other.close();

  // The console's tokens died with that session (every service hears of it within moments, through the
  // revocation feed): its next page after that asks for a sign-in, once.
  let seen = [];
  page.on('response', (r) => seen.push(r.url()));
  const deadline = Date.now() + 10_000;
  do {
    seen = [];
    await page.goto(CONSOLE + '/platform/companies');
    if (page.url().startsWith(ISSUER + '/signin')) break;
    await page.waitForTimeout(200);
  } while (Date.now() < deadline);
  assert.match(page.url(), new RegExp('^' + ISSUER + '/signin'), 'back at the sign-in form');
  assert.ok(seen.length < 10, `no redirect loop (${seen.length} answers)`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/platform/companies', 'and back where they were');
  await page.context().close();
});

test('a refusal from a service is a page in plain words; a form without the CSRF token changes nothing',
  async () => {
  const page = await person(browser);
  const { email, password } = admin();
  await signIn(page, email, password);

  const missing = randomUUID();
  const answer = await page.goto(`${CONSOLE}/companies/${missing}`);
  assert.equal(answer.status(), 404);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), new RegExp(missing));
  assert.doesNotMatch(await page.content(), /Exception|at dev\.gatehouse|stack/i);
  await checkPage(page, 'error-not-found');

  const nowhere = await page.goto(`${CONSOLE}/no-such-page`);
  assert.equal(nowhere.status(), 404);
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Not found/);

  // Forged: the session cookie rides along (same browser), the CSRF token does not.
  const name = `Forged ${Date.now()}`;
  const forged = await page.request.post(`${CONSOLE}/platform/companies`, { form: { name }, maxRedirects: 0 });
  assert.equal(forged.status(), 403);
  assert.match(await forged.text(), /This form has expired/);
  const companies = await all(`${DIRECTORY}/companies?limit=100`);
  assert.ok(companies.length > 0);
  assert.ok(!companies.some((c) => c.name === name), 'no company was created');
  await page.context().close();
});
