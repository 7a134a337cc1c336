// The seeds' people, made as they would arrive: invited by e-mail to a company, they choose a password and join.
import { person, signIn, CONSOLE, DIRECTORY } from './support.js';
import { invite, put } from './api.js';
import { awaitLink } from './mailbox.js';

export const PASSWORD = 'correct horse battery staple';

/** A person who took their e-mailed invitation (a new account with PASSWORD), in a browser of their own. */
export async function joined(browser, email) {
  const page = await person(browser);
  await page.goto(await awaitLink(email));
  await page.getByLabel(/New password/).fill(PASSWORD);
  await page.getByLabel('The same password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await page.waitForLoadState();
  return page;
}

/**
 * A company's admin: invited, given admin on the company's Directory before they join (so they are an admin from
 * their first token on), signed in to the console. Returns once the services that judge an admin's work
 * (token-service for service accounts, app-management-service for apps) have heard of it.
 */
export async function companyAdmin(browser, companyId, name = 'Ada Admin') {
  const email = `admin-${Date.now()}-${Math.floor(Math.random() * 1e4)}@example.com`;
  const user = await invite(companyId, name, email);
  await put(`${DIRECTORY}/companies/${companyId}/users/${user.id}/permissions`,
    { permissions: { directory: 'admin' } });
  const page = await joined(browser, email);
  await signIn(page, email, PASSWORD);
  const until = Date.now() + 15_000;
  for (;;) {
    await page.goto(`${CONSOLE}/companies/${companyId}/service-accounts`);
    if (await page.getByRole('heading', { level: 1, name: 'Service accounts' }).count() > 0) break;
    if (Date.now() > until) throw new Error(`${name} is not known as an admin of ${companyId} after 15 s`);
    await page.waitForTimeout(300);
  }
  page.email = email;
  return page;
}
