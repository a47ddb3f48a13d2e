import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, openBrowser, pickOption, shot } from './browser.js';

// Journey: an administrator (zh-CN) creates a service advisor for store 2 in the browser; the advisor signs in,
// sees only the menu their role allows and store 2's data, and switches the UI to English and back.
const baseUrl = () => process.env.E2E_BASE_URL!;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

async function signIn(username: string, password: string) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('main-menu').waitFor();
}

async function signOut() {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

beforeAll(async () => {
  // Store-2 data the advisor should see, and store-1 data they should not (service bays are store records).
  const admin = await apiSession(baseUrl(), 'admin');
  const fs = admin.me.stores.find((s) => s.code === 'FS01')!;
  await admin.call('POST', '/api/auth/switch-store', { storeId: fs.id });
  await admin.call('POST', '/api/service-bays', { code: 'NH-EV', name: '南海新能源专用工位', kind: 'general' });
  const gz = admin.me.stores.find((s) => s.code === 'GZ01')!;
  await admin.call('POST', '/api/auth/switch-store', { storeId: gz.id });
  await admin.call('POST', '/api/service-bays', { code: 'TH-EV', name: '天河新能源专用工位', kind: 'general' });
  browser = await openBrowser({ locale: 'zh-CN' });
  page = browser.page;
});
afterAll(() => browser?.close());

describe('an administrator creates a service advisor in store 2', () => {
  it('the administrator signs in, in Chinese', async () => {
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/);
    await shot(page, 'journey-01-login-zh');
    await signIn('admin', 'sifang-demo');
    expect(await page.getByTestId('main-menu').innerText()).toContain('系统管理');
  });

  it('creates the user with the service-advisor role in 南海店', async () => {
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByTestId('list-table').waitFor();
    await page.getByTestId('list-create').click();
    const drawer = page.getByTestId('form-drawer');
    await drawer.waitFor();
    await drawer.getByLabel('用户名', { exact: true }).fill('wang.fang');
    await drawer.getByLabel('姓名', { exact: true }).fill('王芳');
    await drawer.getByLabel('电话', { exact: true }).fill('13922334455');
    await drawer.getByLabel('密码', { exact: true }).fill('Advisor2026');
    await drawer.getByTestId('assignment-add').click();
    await pickOption(page, drawer.locator('#assignments_0_storeId'), '南海店');
    await pickOption(page, drawer.locator('#assignments_0_roleId'), '服务顾问');
    await shot(page, 'journey-02-create-user');
    await page.getByTestId('form-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('list-search').fill('wang.fang');
    await page.getByTestId('list-search').press('Enter');
    await page.getByTestId('list-table').getByText('王芳').waitFor();
    const text = await page.getByTestId('list-table').innerText();
    expect(text).toContain('服务顾问');
    expect(text).toContain('南海店');
    await signOut();
  });

  it('the advisor signs in to store 2 and sees only the menu the role allows', async () => {
    await signIn('wang.fang', 'Advisor2026');
    expect(await page.getByTestId('store-switcher').innerText()).toContain('南海店');
    const menu = await page.getByTestId('main-menu').innerText();
    expect(menu).toContain('基础数据');
    expect(await page.getByTestId('menu-admin-users').count()).toBe(0);
    expect(await page.getByTestId('menu-admin-roles').count()).toBe(0);
    expect(await page.getByTestId('menu-admin-audit-logs').count()).toBe(0);
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByTestId('page-403').waitFor();
    await shot(page, 'journey-03-advisor-forbidden');
  });

  it("sees store 2's records and not store 1's", async () => {
    await page.goto(`${baseUrl()}/admin/service-bays`);
    await page.getByTestId('list-table').getByText('南海新能源专用工位').waitFor();
    expect(await page.getByTestId('list-table').innerText()).not.toContain('天河新能源专用工位');
    await shot(page, 'journey-04-advisor-store2-bays');
  });

  it('switches the UI to English, which is remembered, and back to Chinese', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en-US').click();
    await page.getByTestId('main-menu').getByText('Master data').waitFor();
    await shot(page, 'journey-05-advisor-english');
    await page.reload();
    await page.getByTestId('main-menu').getByText('Master data').waitFor();
    await page.getByTestId('list-table').getByText('南海新能源专用工位').waitFor();
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-zh-CN').click();
    await page.getByTestId('main-menu').getByText('基础数据').waitFor();
    expect(await page.getByTestId('main-menu').innerText()).not.toContain('Master data');
  });
});
