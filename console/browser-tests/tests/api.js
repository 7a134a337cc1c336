// Set-up through the services' APIs with the platform-admin client, for what the console does not offer yet (or
// what a test only needs to exist). What a test checks is always done in the browser.
import assert from 'node:assert/strict';
import { ISSUER, DIRECTORY, platformToken } from './support.js';

export const APPS = process.env.GATEHOUSE_APPS_URL || 'http://localhost:8082';

async function send(method, url, body) {
  return fetch(url, {
    method,
    headers: { 'Authorization': `Bearer ${await platformToken()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function call(method, url, body) {
  const response = await send(method, url, body);
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : {};
}

/**
 * A call about something the service learns of from another one's events (a new company, a new project): asked
 * again while it is refused, for up to 15 s.
 */
export async function eventually(method, url, body) {
  const until = Date.now() + 15_000;
  for (;;) {
    const response = await send(method, url, body);
    const text = await response.text();
    if (response.status < 300) return text ? JSON.parse(text) : {};
    assert.ok(Date.now() < until, `${method} ${url} still answered ${response.status}: ${text}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export const post = (url, body) => call('POST', url, body);
export const get = (url) => call('GET', url);
export const put = (url, body) => call('PUT', url, body);

/** Every item of a paged list, following nextCursor. */
export async function all(url) {
  const items = [];
  let cursor;
  do {
    const page = await get(cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export async function company(name) {
  return post(`${DIRECTORY}/companies`, { name });
}

export async function project(companyId, name) {
  return post(`${DIRECTORY}/companies/${companyId}/projects`, { name });
}

/** A marketplace app with one published version, waiting for a platform admin's review. */
export async function publishedApp(name, manifest) {
  const org = await post(`${APPS}/developer-orgs`, { name: `${name} Inc` });
  const app = await post(`${APPS}/apps`, {
    developerOrgId: org.id, name, description: `${name} keeps your documents in sync.`, kind: 'marketplace',
    contactEmail: 'support@example.com', documentationUrl: 'https://example.com/docs',
    privacyPolicyUrl: 'https://example.com/privacy',
  });
  await post(`${APPS}/apps/${app.id}/versions`, { version: '1.0.0', manifest });
  await post(`${APPS}/apps/${app.id}/versions/1.0.0/publish`);
  return { org, app };
}

/** A marketplace app with one published version, its listing approved, as its developers and a reviewer would. */
export async function listedApp(name, manifest) {
  const listed = await publishedApp(name, manifest);
  await post(`${APPS}/listing-reviews/${listed.app.id}/approve`, {});
  return listed;
}

export { ISSUER };

/**
 * An installed app's token for one company, as its developer's backend would get it (a fresh secret first).
 * token-service learns of a new installation from app-management's events: until then it answers
 * `invalid_target` ("not installed"), and the backend asks again, for up to 15 s.
 */
export async function appToken(clientId, companyId) {
  const secret = await post(`${ISSUER}/clients/${clientId}/regenerate-secret`);
  const until = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${ISSUER}/oauth2/token`, {
      method: 'POST',
      headers: {
        'Authorization': 'Basic ' + Buffer.from(`${clientId}:${secret.clientSecret}`).toString('base64'),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=client_credentials&company_id=${companyId}`,
    });
    const text = await response.text();
    if (response.status === 200) return JSON.parse(text).access_token;
    assert.ok(response.status === 400 && /not installed/.test(text) && Date.now() < until,
      `the installed app gets no token: ${response.status} ${text}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Adds a person to a company's directory, which e-mails them an invitation; returns the directory user. */
export async function invite(companyId, name, email) {
  return post(`${DIRECTORY}/companies/${companyId}/users`, { name, email });
}

/** A listed marketplace app turned on in a company and installed there on all its current projects. */
export async function installed(companyId, appId) {
  await eventually('PUT', `${APPS}/companies/${companyId}/app-bindings/${appId}`, { state: 'on' });
  return post(`${APPS}/companies/${companyId}/installations`, { appId, projectAccess: 'all_current' });
}
