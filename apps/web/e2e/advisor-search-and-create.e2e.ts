import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeVin } from '@sifang/shared/validation/vin';
import { openBrowser, pickOption, shot } from './browser.js';

// Journey: a service advisor of 天河店 (zh-CN) finds the demo customer 张三 by pinyin initials and his car by the
// last 6 VIN characters, opens the vehicle file, then registers a walk-in customer with their car: a wrong plate
// and an already registered VIN are shown on the vehicle fields, the corrected form saves; a second customer with
// the same mobile number gets the duplicate warning. The screens are shot in Chinese and English.
const baseUrl = () => process.env.E2E_BASE_URL!;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

// Unique per run (the demo data has thousands of customers with random numbers).
const tail = String(Date.now() % 100_000_000).padStart(8, '0');
const phone = `137${tail}`;
const newVin = makeVin('LFV2A2BS', `S3${tail.slice(2)}`);
const newPlate = `粤A${tail.slice(3)}`;
let zhangSanVin = '';

async function signIn(username: string, password: string) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('main-menu').waitFor();
}

/** A screenshot once antd's open/close animations have finished. */
async function settledShot(name: string) {
  await page.waitForTimeout(400);
  await shot(page, name);
}

async function openCreateForm() {
  await page.goto(`${baseUrl()}/customers`);
  await page.getByTestId('list-table').waitFor();
  await page.getByTestId('list-create').click();
  const form = page.getByTestId('customer-form');
  await form.waitFor();
  return form;
}

beforeAll(async () => {
  browser = await openBrowser({ locale: 'zh-CN' });
  page = browser.page;
});
afterAll(() => browser?.close());

describe('a service advisor searches the customer files and registers a walk-in customer', () => {
  it('signs in; 客户管理 comes first in the menu', async () => {
    await signIn('advisor.gz01', 'sifang-demo');
    const menu = await page.getByTestId('main-menu').innerText();
    expect(menu).toContain('客户管理');
    expect(menu.indexOf('客户管理')).toBeLessThan(menu.indexOf('基础数据'));
  });

  it('finds 张三 by his pinyin initials in the global search', async () => {
    await page.keyboard.press('/'); // the shortcut focuses the box
    await page.keyboard.type('zs');
    const hit = page.getByTestId('search-result-customer').filter({ hasText: '张三' });
    await hit.first().waitFor();
    expect(await hit.first().innerText()).toContain('138****8000'); // masked
    await settledShot('customers-01-search-pinyin');
  });

  it('finds his car by the last 6 VIN characters and opens the vehicle file', async () => {
    await page.getByTestId('global-search').fill('654321');
    const hit = page.getByTestId('search-result-vehicle').filter({ hasText: '654321' });
    await hit.first().waitFor();
    await settledShot('customers-02-search-vin');
    await hit.first().click();
    const file = page.getByTestId('vehicle-file');
    await file.waitFor();
    const text = await file.getByTestId('vehicle-data').innerText();
    const vin = /[A-HJ-NPR-Z0-9]{11}654321/.exec(text)?.[0];
    expect(vin).toBeTruthy();
    zhangSanVin = vin!;
    expect(text).toContain('粤A12345');
    expect(await file.getByTestId('vehicle-file-back').innerText()).toContain('张三');
    await settledShot('customers-03-vehicle-file');
  });

  it('reveals 张三’s mobile number after giving a reason', async () => {
    await page.getByTestId('vehicle-file-back').getByRole('link', { name: '张三' }).first().click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-phone').innerText()).toContain('138****8000');
    await page.getByTestId('customer-reveal').click();
    await page.getByLabel('查看原因').fill('预约保养需电话联系客户');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('customer-revealed').waitFor();
    expect(await page.getByTestId('customer-phone').innerText()).toContain('13800138000');
    await settledShot('customers-04-customer-revealed');
  });

  it('logs a follow-up call on 张三 and sees it listed in the 回访 section', async () => {
    const section = page.getByTestId('customer-section-followUps');
    await section.getByTestId('follow-up-log').click();
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await page.waitForTimeout(400); // the drawer slides in
    await form.locator('.ant-select', { has: page.locator('#purpose') }).click(); // a short list without a search box
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '维修后回访' }).first().click();
    await form.locator('#outcome').click({ force: true });
    await page.keyboard.press('Enter'); // the first outcome of the dictionary
    const note = `车辆使用正常，客户满意 ${tail}`;
    await form.locator('#content').fill(note);
    await page.getByTestId('follow-up-satisfaction').locator('.ant-rate-star').nth(3).locator('.ant-rate-star-second').click();
    await page.getByTestId('form-submit').click();
    const item = section.getByTestId('follow-up-item').filter({ hasText: note });
    await item.waitFor();
    expect(await item.innerText()).toContain('电话');
    await settledShot('customers-04b-follow-up-logged');
  });

  it('registers a customer with their car: the wrong plate and a known VIN are shown on the vehicle fields', async () => {
    const form = await openCreateForm();
    await form.getByLabel('姓名', { exact: true }).fill('赵小燕');
    await form.getByLabel('手机号', { exact: true }).fill(phone);
    await form.locator('#vehicle_vin').fill(zhangSanVin);
    // The model first: the wrong plate's message appears as it is typed and shifts the fields below it.
    await pickOption(page, form.locator('#vehicle_configurationId'), '速腾');
    await form.locator('#vehicle_plate').fill('粤A1234');
    await page.getByTestId('form-submit').click();
    const plateError = form.locator('.ant-form-item', { has: page.locator('#vehicle_plate') }).locator('.ant-form-item-explain-error');
    await plateError.waitFor();
    expect(await plateError.innerText()).toContain('车牌号格式不正确');
    await settledShot('customers-05-plate-error');

    // The server's answer for the first vehicle lands on its field too (the VIN belongs to 张三's car).
    await form.locator('#vehicle_plate').fill(newPlate);
    await page.getByTestId('form-submit').click();
    const vinError = form.locator('.ant-form-item', { has: page.locator('#vehicle_vin') }).locator('.ant-form-item-explain-error');
    await vinError.waitFor();
    expect(await vinError.innerText()).toContain('VIN');
    await settledShot('customers-06-vin-taken');

    await form.locator('#vehicle_vin').fill(newVin.toLowerCase()); // upper-cased as typed
    expect(await form.locator('#vehicle_vin').inputValue()).toBe(newVin);
    await page.getByTestId('form-submit').click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-name').innerText()).toContain('赵小燕');
    const vehicles = page.getByTestId('customer-vehicles');
    await vehicles.getByText(newVin).waitFor();
    expect(await vehicles.innerText()).toContain(newPlate);
    await settledShot('customers-07-created');
  });

  it('warns that a second customer with the same mobile number may be a duplicate', async () => {
    const form = await openCreateForm();
    await form.getByLabel('姓名', { exact: true }).fill('赵晓燕');
    await form.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByTestId('form-submit').click();
    await page.getByTestId('duplicate-confirm').waitFor();
    expect(await page.getByTestId('duplicate-dialog').innerText()).toContain('赵小燕');
    await settledShot('customers-08-duplicate');
    await page.getByTestId('duplicate-confirm').click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-name').innerText()).toContain('赵晓燕');
  });

  it("sees the store's long customer list counted as 1,000+, and counts them all when asked", async () => {
    await page.goto(`${baseUrl()}/customers`);
    const capped = page.getByTestId('list-total-capped');
    await capped.waitFor();
    expect(await capped.innerText()).toContain('共 1,000+ 条');
    await page.getByTestId('list-count-all').click();
    const total = page.locator('.ant-pagination-total-text');
    await total.filter({ hasNotText: '+' }).waitFor();
    const exact = Number((await total.innerText()).replace(/\D/g, ''));
    expect(exact).toBeGreaterThan(1000);
    await settledShot('customers-09-list-counted');
  });

  it('shows the screens in English', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en-US').click();
    await page.getByTestId('main-menu').getByText('Customers').first().waitFor();
    await settledShot('customers-09b-detail-en');
    await page.goto(`${baseUrl()}/customers`);
    await page.getByTestId('list-table').getByText('赵小燕').waitFor();
    expect(await page.getByTestId('list-total-capped').innerText()).toContain('1,000+ records');
    await settledShot('customers-10-list-en');
    await page.getByTestId('global-search').fill('654321');
    await page.getByTestId('search-result-vehicle').first().waitFor();
    await settledShot('customers-11-search-en');
    await page.keyboard.press('Enter');
    await page.getByTestId('vehicle-file').waitFor();
    expect(await page.getByTestId('vehicle-file').innerText()).toContain('Vehicle file');
    await settledShot('customers-12-vehicle-file-en');
    await page.goto(`${baseUrl()}/customers`);
    await page.getByTestId('list-create').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('customer-form').getByLabel('Mobile', { exact: true }).fill('12345');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('customer-form').getByText('Enter a valid 11-digit mobile number').waitFor();
    await settledShot('customers-13-form-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-zh-CN').click();
    await page.getByTestId('main-menu').getByText('客户管理').waitFor();
  });
});
