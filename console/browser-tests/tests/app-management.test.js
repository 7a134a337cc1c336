// Procore's App Management in the console, as a company admin (a person invited to the company and made its admin,
// not the platform admin): the catalogue's Marketplace tab with the app off by
// default, its page (developer, contact, links, scopes, permissions with the high-risk one marked), turning it on,
// the install wizard with two projects and the high-risk acknowledgement, the installation with its permissions and
// projects, removing a project, disabling and uninstalling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, person, signIn, checkPage, admin, unique, CONSOLE } from './support.js';
import { company, project, listedApp, appToken, post, APPS } from './api.js';
import { DIRECTORY } from './support.js';
import { companyAdmin } from './people.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MANIFEST = {
  companyPermissions: { directory: 'admin' },
  projectPermissions: { documents: 'standard' },
  scopes: ['directory.read', 'projects.read', 'documents.write'],
  redirectUris: ['https://sync.example.com/callback'],
  postInstallNotes: 'Choose the projects to sync.',
  justifications: { directory: 'Creates the people it syncs.' },
};

test('a company admin enables a marketplace app, installs it on two projects, removes one, uninstalls it',
  async () => {
    const acme = await company(unique('Acme'));
    const tower = await project(acme.id, 'Tower');
    const bridge = await project(acme.id, 'Bridge');
    await project(acme.id, 'Depot');
    const appName = unique('DocSync');
    const { app, org } = await listedApp(appName, MANIFEST);

    const page = await companyAdmin(browser, acme.id);
    await page.goto(`${CONSOLE}/companies/${acme.id}/apps`);
    await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();
    const card = page.locator('.cards li').filter({ hasText: appName });
    assert.match(await card.textContent(), /Off/, 'a marketplace app starts off');
    assert.match(await card.textContent(), /high risk/);
    await checkPage(page, 'catalogue');
    await page.getByRole('link', { name: 'Company-owned' }).click();
    await page.getByText('This company has no apps of its own').waitFor();
    await page.getByRole('link', { name: 'Marketplace' }).click();

    await page.getByRole('link', { name: appName }).click();
    await page.getByRole('heading', { level: 1, name: appName }).waitFor();
    const facts = await page.locator('.facts').textContent();
    assert.match(facts, new RegExp(`${appName} Inc`));
    assert.match(facts, /support@example\.com/);
    assert.match(facts, /https:\/\/example\.com\/privacy/);
    const permissions = await page.locator('table').first().textContent();
    assert.match(permissions, /directory\s*high risk\s*admin\s*Creates the people it syncs/);
    assert.match(await page.getByText('Scopes:').locator('..').textContent(), /directory\.read[\s\S]*projects\.read/);
    assert.equal(await page.getByRole('link', { name: 'Install…' }).count(), 0, 'off: nothing to install');
    await checkPage(page, 'catalogue-app');

    await page.getByLabel(/On: admins may install it/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'was changed' }).waitFor();
    assert.ok(await page.getByLabel(/On: admins may install it/).isChecked());

    // The wizard: without the acknowledgement the service refuses, and the form keeps the choice.
    await page.getByRole('link', { name: 'Install…' }).click();
    await page.getByRole('heading', { level: 1, name: `Install ${appName}` }).waitFor();
    await page.getByLabel('Tower').check();
    await page.getByLabel('Bridge').check();
    await page.getByRole('button', { name: `Install ${appName}` }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.locator('#ack-error').textContent(), /Tick this to install a high-risk app/);
    assert.ok(await page.getByLabel('Tower').isChecked(), 'what was chosen is kept');
    assert.ok(await page.getByLabel('Bridge').isChecked());
    assert.ok(!(await page.getByLabel('Depot').isChecked()));
    await checkPage(page, 'install-wizard-refused');
    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: `Install ${appName}` }).click();
    await page.getByRole('status').filter({ hasText: 'Installed.' }).waitFor();
    assert.match(await page.locator('.facts').textContent(), /1\.0\.0/);
    const permitted = page.locator('ul.plain');
    assert.match(await permitted.textContent(), /Tower[\s\S]*Bridge|Bridge[\s\S]*Tower/);
    assert.doesNotMatch(await permitted.textContent(), /Depot/);
    assert.match(await page.locator('table').first().textContent(), /directory\s*admin/);
    await checkPage(page, 'installation');

    // Its app user is in the directory, managed by the installation and not editable.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    const appUser = page.locator('table tbody tr').filter({ hasText: 'app user' });
    assert.match(await appUser.textContent(), /Managed by its installation; not editable here/);
    assert.equal(await appUser.getByRole('button').count(), 0);
    await checkPage(page, 'people');
    await appUser.getByRole('link', { name: 'installation' }).click();

    // The app works: a few calls on Tower with its installation token, which the Usage tab counts.
    const token = await appToken(app.clientId, acme.id);
    for (let i = 0; i < 3; i++) {
      const call = await fetch(`${DIRECTORY}/companies/${acme.id}/projects/${tower.id}`,
        { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(call.status, 200);
    }
    await page.getByRole('link', { name: 'Usage' }).click();
    const counted = Date.now() + 90_000; // usage is published every interval (2 s in the CI stack, 60 s by default)
    while (Number(await page.locator('#usage-total').textContent()) < 3 && Date.now() < counted) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    assert.equal(Number(await page.locator('#usage-total').textContent()), 3);
    assert.equal(await page.locator('#usage-chart canvas').count(), 1, 'the chart per day is drawn');
    assert.equal(await page.locator('#usage-projects-chart canvas').count(), 1, 'the chart per project is drawn');
    assert.match(await page.getByRole('table', { name: /per project/ }).textContent(), /Tower\s*3/);
    await checkPage(page, 'installation-usage');
    await page.getByRole('link', { name: 'Activity' }).click();
    assert.match(await page.locator('table tbody').textContent(), /AppInstalled/);
    await checkPage(page, 'installation-activity');
    await page.getByRole('link', { name: 'Permissions and projects' }).click();

    await page.getByRole('button', { name: 'Remove Bridge' }).click();
    await page.getByRole('status').filter({ hasText: 'The project was removed.' }).waitFor();
    assert.doesNotMatch(await page.locator('ul.plain').textContent(), /Bridge/);
    assert.match(await page.locator('ul.plain').textContent(), /Tower/);

    // Its developers publish 1.1.0, which asks for more: the Versions and upgrades tab shows exactly what, to
    // approve.
    await post(`${APPS}/apps/${app.id}/versions`, { version: '1.1.0', manifest: { ...MANIFEST,
      projectPermissions: { documents: 'standard', rfis: 'read_only' },
      scopes: [...MANIFEST.scopes, 'rfis.read'] } });
    await post(`${APPS}/apps/${app.id}/versions/1.1.0/publish`);
    await page.getByRole('link', { name: 'Versions and upgrades' }).click();
    const upgrade = page.locator('article.request').filter({ hasText: '1.0.0 → 1.1.0' });
    const published = Date.now() + 15_000;
    while (await upgrade.count() === 0 && Date.now() < published) {
      await page.waitForTimeout(300);
      await page.reload();
    }
    assert.match(await upgrade.textContent(), /pending/);
    assert.match(await upgrade.locator('table').textContent(), /rfis \(projects\)\s*none\s*read_only/);
    assert.match(await upgrade.textContent(), /Scopes added:\s*rfis\.read/);
    await checkPage(page, 'installation-upgrades');
    await upgrade.getByRole('button', { name: 'Approve upgrade' }).click();
    await page.getByRole('status').filter({ hasText: 'Upgraded.' }).waitFor();
    assert.match(await page.getByText('Version in force:').textContent(), /1\.1\.0/);

    await page.getByRole('link', { name: 'Installed apps' }).click();
    assert.match(await page.locator('table tbody').textContent(),
      new RegExp(`${appName}[\\s\\S]*1\\.1\\.0[\\s\\S]*active`));
    await checkPage(page, 'installations');
    await page.getByRole('link', { name: appName }).click();

    await page.getByRole('button', { name: 'Uninstall' }).click();
    await page.getByRole('status').filter({ hasText: 'Uninstalled.' }).waitFor();
    assert.match(await page.locator('.banner.off').textContent(), /uninstalled/);

    // The company's audit trail, filtered to installations, and the access-token inventory with its CSV.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByLabel('Event type').fill('AppInstalled');
    await page.getByRole('button', { name: 'Filter' }).click();
    const trail = await page.locator('table tbody').textContent();
    assert.match(trail, /AppInstalled/);
    assert.doesNotMatch(trail, /ProjectCreated/);
    await checkPage(page, 'audit-trail');
    await page.getByRole('link', { name: 'Access tokens' }).click();
    assert.match(await page.locator('table tbody').textContent(), new RegExp(`${appName}[\\s\\S]*installation`));
    await checkPage(page, 'access-tokens');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click()]);
    const csv = await (await download.createReadStream()).toArray();
    assert.match(Buffer.concat(csv).toString(), new RegExp(`${app.clientId}`));

    await page.context().close();

    // Its developers' organization, as a platform admin sees it.
    const platform = await person(browser);
    const { email, password } = admin();
    await signIn(platform, email, password, `/developer-orgs/${org.id}`);
    assert.equal(await platform.locator('.place-name').textContent(), `${appName} Inc`);
    assert.match(await platform.locator('table').first().textContent(),
      new RegExp(`${appName}[\\s\\S]*marketplace`));
    await checkPage(platform, 'developer-org');
    await platform.context().close();
    assert.ok(tower.id && bridge.id && app.id);
  });
