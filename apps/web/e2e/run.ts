// Browser smoke journey: sign in, walk every menu page, switch language and store, take screenshots.
// BASE_URL (default http://localhost:3000), E2E_USER / E2E_PASSWORD (admin / sifang-demo),
// SHOTS_DIR (default apps/web/e2e/screenshots), CHROMIUM (default /usr/bin/chromium).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const user = process.env.E2E_USER ?? 'admin';
const password = process.env.E2E_PASSWORD ?? 'sifang-demo';
const here = path.dirname(fileURLToPath(import.meta.url));
const shots = process.env.SHOTS_DIR ?? path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

const pages = [
  'customers',
  'vehicles',
  'admin/stores',
  'admin/departments',
  'admin/users',
  'admin/roles',
  'admin/settings',
  'admin/service-bays',
  'admin/teams',
  'admin/audit-logs',
  'masterdata/vehicle-models',
  'masterdata/labour-operations',
  'masterdata/parts',
  'masterdata/suppliers',
  'masterdata/warehouses',
  'masterdata/repair-types',
  'masterdata/payment-methods',
  'masterdata/insurers',
  'masterdata/dictionaries',
];

const failures: string[] = [];
function check(cond: boolean, what: string) {
  if (!cond) failures.push(what);
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
}

/** Network quiet and no table spinner left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function main() {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sifang-e2e-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // 401/4xx answers are logged by the browser as failed loads; they are expected (session check, wrong password).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  // Signed out → login page
  await page.goto(`${base}/admin/users`);
  await page.getByTestId('login-username').waitFor();
  check(page.url().includes('/login?next='), 'a protected page sends you to /login with next');
  await shot(page, '01-login');
  // An unknown user (not the real one, whose failures would count towards its lock-out) gets the server's message.
  await page.getByTestId('login-username').fill('e2e-nobody');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  check(true, 'a failed sign-in shows the server message');
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('list-table').waitFor();
  check(page.url().endsWith('/admin/users'), 'after login you are back where you wanted to go');

  await page.getByTestId('menu-home').click();
  await page.getByTestId('home').waitFor();
  await settle(page);
  await shot(page, '02-home');

  for (const p of pages) {
    const item = page.getByTestId(`menu-${p.replace('/', '-')}`);
    // the module's group may be closed: open it first
    if (!(await item.isVisible())) await page.getByTestId(`menu-group-${p.split('/')[0]}`).click();
    await item.click();
    await page.waitForURL(`**/${p}`);
    const target = p === 'admin/settings' ? 'store-settings-form' : 'list-table';
    await page.getByTestId(target).first().waitFor({ timeout: 10_000 });
    await settle(page);
    await shot(page, `page-${p.replace('/', '-')}`);
    check(true, `page ${p}`);
  }

  // A drawer: open the first supplier
  await page.goto(`${base}/masterdata/suppliers`);
  await page.locator('[data-testid="list-table"] tbody tr.ant-table-row').first().click();
  await page.getByTestId('form-submit').waitFor();
  await settle(page);
  await shot(page, 'drawer-supplier');
  await page.keyboard.press('Escape');

  // Create form with a server-side field error (duplicate / invalid code)
  await page.getByTestId('list-create').click();
  await page.getByTestId('form-submit').click();
  await page.waitForTimeout(300);
  await shot(page, 'drawer-supplier-required');
  await page.keyboard.press('Escape');

  // Role editor
  await page.goto(`${base}/admin/roles`);
  await page.locator('[data-testid="list-table"] tbody tr.ant-table-row').first().click();
  await page.getByTestId('permission-editor').waitFor();
  await settle(page);
  await shot(page, 'drawer-role');
  await page.keyboard.press('Escape');

  // User editor
  await page.goto(`${base}/admin/users`);
  await page.locator('[data-testid="list-table"] tbody tr.ant-table-row').nth(1).click();
  await page.getByTestId('assignments-editor').waitFor();
  await settle(page);
  await shot(page, 'drawer-user');
  await page.keyboard.press('Escape');

  // Vehicle tree
  await page.goto(`${base}/masterdata/vehicle-models`);
  await page.getByTestId('vehicle-tree').waitFor();
  await page.locator('[data-testid="vehicle-tree"] .ant-tree-node-content-wrapper').first().click();
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="vehicle-tree"] .ant-tree-node-content-wrapper').nth(1).click();
  await page.waitForLoadState('networkidle');
  await shot(page, 'vehicle-models-series');

  // '/' focuses the global search
  await page
    .locator('body')
    .click({ position: { x: 700, y: 300 } })
    .catch(() => undefined);
  await page.keyboard.press('/');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  check(focused === 'global-search', "'/' focuses the global search");

  // Language switch
  await page.goto(`${base}/masterdata/parts`);
  await page.getByTestId('list-table').waitFor();
  await page.getByTestId('locale-switch').click();
  await page.getByTestId('locale-option-en-US').click();
  await page.getByTestId('menu-masterdata-parts').filter({ hasText: 'Parts catalogue' }).waitFor();
  await settle(page);
  await shot(page, 'parts-en');
  check(true, 'switching to English relabels the menu');
  await page.getByTestId('locale-switch').click();
  await page.getByTestId('locale-option-zh-CN').click();
  await page.getByTestId('menu-masterdata-parts').filter({ hasText: '配件目录' }).waitFor();

  // Store switch
  await page.getByTestId('store-switcher').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  const count = await options.count();
  if (count > 1) {
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-selected)').first().click();
    await page.locator('.ant-message-success').waitFor();
    check(true, 'store switch');
  } else {
    check(count === 1, 'store switcher lists the stores');
    await page.keyboard.press('Escape');
  }
  await shot(page, 'store-switched');

  // 404
  await page.goto(`${base}/no/such/page`);
  await page.getByTestId('page-404').waitFor();
  check(true, '404 page');

  // Logout
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
  check(true, 'logout');

  check(consoleErrors.length === 0, `no console errors (${consoleErrors.length})`);
  for (const e of consoleErrors.slice(0, 20)) console.log('   console:', e.slice(0, 300));
  await ctx.close();
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
