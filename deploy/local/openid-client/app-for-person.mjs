// A stock relying party (openid-client, as an app's developers would use it) authorizes an installed app for a
// person against a running Gatehouse (docs/security.md, "Apps acting for people"): discovery, the authorization
// code flow with PKCE S256, state and nonce, the person's sign-in and consent pages (played as a browser would), the
// code exchange with client_secret_basic, the ID token and RFC 9207 iss checks openid-client makes, userinfo, a
// refresh; and the failures it must report: a state that does not match, and a person who denies the app.
// Inputs come from the environment (deploy/local/launcher's DmsaStory sets them); exits non-zero on any failure.
import * as client from 'openid-client';

const need = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const issuer = need('GATEHOUSE_ISSUER');
const clientId = need('APP_CLIENT_ID');
const secret = need('APP_CLIENT_SECRET');
const companyId = need('COMPANY_ID');
const email = need('PERSON_EMAIL');
const password = need('PERSON_PASSWORD');
const redirectUri = need('REDIRECT_URI');
const scope = process.env.SCOPE ?? 'openid email projects.read';

const check = (ok, what) => {
  if (!ok) throw new Error(`not so: ${what}`);
  console.log(`  ✓ ${what}`);
};

// The browser: cookies kept per name, redirects not followed (each hop is checked).
const cookies = new Map();
async function browse(url, form) {
  const headers = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const init = { redirect: 'manual', headers };
  if (form) {
    init.method = 'POST';
    init.body = new URLSearchParams(form);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const response = await fetch(new URL(url, issuer), init);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return response;
}
const field = (html, name) => {
  const m = html.match(new RegExp(`name="${name}" value="([^"]+)"`));
  if (!m) throw new Error(`the page has no ${name} field: ${html.slice(0, 300)}`);
  return m[1];
};

// From the authorization URL to the redirect back to the app, through sign-in (once) and the consent page.
async function authorize(url, decision) {
  let r = await browse(url);
  if (r.status === 303 && r.headers.get('location').includes('/signin')) {
    const page = await browse(r.headers.get('location'));
    const html = await page.text();
    const returnTo = new URL(r.headers.get('location'), issuer).searchParams.get('return_to');
    const posted = await browse('/signin', { email, password, csrf_token: field(html, 'csrf_token'), return_to: returnTo });
    check(posted.status === 303, 'the sign-in form signs the person in');
    r = await browse(posted.headers.get('location'));
  }
  if (r.status === 200) {
    const html = await r.text();
    check(html.includes('Authorize') && html.includes('projects.read'), 'the consent page shows what the app asks for');
    const answered = await browse('/oauth2/authorize/consent', {
      csrf_token: field(html, 'csrf_token'), ticket: field(html, 'ticket'), decision,
    });
    r = decision === 'approve' ? await browse(answered.headers.get('location')) : answered;
  }
  check(r.status === 302 && r.headers.get('location').startsWith(redirectUri), 'back to the app\'s redirect URI');
  return new URL(r.headers.get('location'));
}

const config = await client.discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(secret),
  { execute: [client.allowInsecureRequests] });
check(config.serverMetadata().issuer === issuer, 'discovery: the issuer is the stack\'s token-service');

const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const url = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope, state, nonce, company_id: companyId,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
const back = await authorize(url, 'approve');

let refused = null;
try {
  await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: 'not-' + state });
} catch (e) {
  refused = e;
}
check(refused !== null, `a state that does not match is refused by the client (${refused?.code ?? refused})`);

const tokens = await client.authorizationCodeGrant(config, back, {
  pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
});
const idClaims = tokens.claims();
const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
check(access.sub === idClaims.sub, `the access token's sub is the person (${access.sub})`);
check(access.client_id === clientId && access.azp === clientId, 'client_id and azp name the app');
check(access.company_id === companyId, 'it acts in the company the request named');
check(access.act && access.act.sub, `act.sub names the installation's app user (${access.act?.sub})`);
check(Array.isArray(access.roles) && access.roles.includes('delegated_app'), 'its role is delegated_app');
const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
check(info.email === email, 'userinfo gives the person\'s e-mail');
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
check(refreshed.access_token && refreshed.refresh_token !== tokens.refresh_token, 'refresh rotates the refresh token');

// The person denies: the app gets access_denied, which openid-client reports.
const denyUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope, state: client.randomState(), company_id: companyId, prompt: 'consent',
  code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
  code_challenge_method: 'S256',
});
const denied = await authorize(denyUrl, 'deny');
let error = null;
try {
  await client.authorizationCodeGrant(config, denied, {
    pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: denyUrl.searchParams.get('state'),
  });
} catch (e) {
  error = e;
}
check(error?.error === 'access_denied', `a denial reaches the app as access_denied (${error?.error})`);
console.log('openid-client: the authorization code flow with PKCE and consent works for an installed app');
