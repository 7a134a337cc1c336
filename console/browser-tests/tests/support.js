// Shared by the console's browser tests: the stack's addresses, a headless Chromium (Debian's, through
// playwright-core), signing in through token-service's form, and the checks every page gets (axe-core, no CSP
// violation, no horizontal scrolling at phone width) with a screenshot a developer can look at.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
export const CONSOLE = process.env.GATEHOUSE_CONSOLE_URL || 'http://localhost:8085';
export const ISSUER = process.env.GATEHOUSE_ISSUER || 'http://localhost:8083';
export const DIRECTORY = process.env.GATEHOUSE_DIRECTORY_URL || 'http://localhost:8081';
export const HOME = process.env.GATEHOUSE_HOME || join(process.cwd(), '..', '..', '.gatehouse');
export const SCREENSHOTS = process.env.GATEHOUSE_SCREENSHOTS || join(process.cwd(), 'screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The keys file's NAME=value lines. */
export function keys(file) {
  const values = {};
  for (const line of readFileSync(join(HOME, 'keys', file), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return values;
}

export function admin() {
  const k = keys('admin-account.env');
  return { email: k.GATEHOUSE_ADMIN_EMAIL, password: k.GATEHOUSE_ADMIN_PASSWORD };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.GATEHOUSE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
}

/**
 * A browser profile of its own (cookies, sessions), at 1280 px, that fails the test on any CSP violation or page
 * error: the console must work with its CSP, not around it.
 */
export async function person(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) page.problems.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  page.on('dialog', (d) => d.accept());
  return page;
}

/**
 * Opens the console; token-service's sign-in form appears (unless this browser is signed in to Gatehouse already,
 * as after taking an invitation); fills it in; back in the console.
 */
export async function signIn(page, email, password, path = '/') {
  await page.goto(CONSOLE + path);
  if (page.url().startsWith(CONSOLE)) return;
  assert.match(page.url(), new RegExp('^' + ISSUER + '/signin'), 'the console sends the browser to sign in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.toString().startsWith(CONSOLE));
}

/**
 * What every page gets: no serious or critical axe-core violation, no CSP violation or script error, nothing wider
 * than a phone's screen, and screenshots at both widths under SCREENSHOTS/<name>[-phone].png.
 */
export async function checkPage(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(AXE); // through DevTools, so the page's CSP does not apply to the checker itself
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `accessibility of ${name}`);
  assert.deepEqual(page.problems, [], `CSP violations or script errors on ${name}`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways at phone width (${overflow}px too wide)`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(size);
}

/** A platform-admin access token from the stack's platform-admin client (set-up only, never what a page shows). */
export async function platformToken() {
  const k = keys('admin-client.env');
  const response = await fetch(ISSUER + '/oauth2/token', {
    method: 'POST',
    headers: {
      'Authorization': 'Basic ' + Buffer.from(`${k.GATEHOUSE_ADMIN_CLIENT_ID}:${k.GATEHOUSE_ADMIN_CLIENT_SECRET}`)
        .toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
