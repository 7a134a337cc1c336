// Long lists: a person browses them a page at a time (the platform's companies, 100 a page, "Next page" and
// "First page"), and what a page offers as choices holds everything the service has, however many pages that is
// (a company's 101 projects on its overview).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, CONSOLE } from './support.js';
import { company, project } from './api.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function inBatches(count, make) {
  for (let i = 0; i < count; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => make(i + j)));
  }
}

test('a long list is paged, and the choices a page offers are all there', async () => {
  const prefix = unique('Paged');
  await inBatches(101, (i) => company(`${prefix} ${String(i).padStart(3, '0')}`));
  const big = await company(unique('Many Projects'));
  await inBatches(101, (i) => project(big.id, `Block ${String(i).padStart(3, '0')}`));

  const page = await person(browser);
  const { email, password } = admin();
  await signIn(page, email, password, '/platform/companies');
  const rows = page.locator('table tbody tr');
  assert.equal(await rows.count(), 100, 'a page holds 100');
  const first = await rows.allTextContents();
  await page.getByRole('link', { name: 'Next page' }).click();
  await page.getByRole('link', { name: 'First page' }).waitFor();
  const second = await rows.allTextContents();
  assert.ok(second.length >= 1);
  assert.deepEqual(second.filter((row) => first.includes(row)), [], 'the next page shows other companies');
  await checkPage(page, 'platform-companies-page-2');
  await page.getByRole('link', { name: 'First page' }).click();
  assert.deepEqual(await rows.allTextContents(), first);

  await page.goto(`${CONSOLE}/companies/${big.id}`);
  assert.equal(await page.locator('#projects-heading ~ ul li').count(), 101, 'every project, across pages');
  await page.context().close();
});
