import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const shotsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** A fresh Chromium profile (Debian's chromium; Playwright's own browsers cannot be downloaded here). */
export async function openBrowser(opts: { locale?: string; width?: number; height?: number } = {}): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sifang-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 },
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
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * antd Select: opens it (the selected label covers the input, so the click is forced), types the text to filter (long
 * option lists are virtual) and clicks the option; then checks that the select shows it. A dropdown that moved or closed
 * under the click (a validation message appearing above it shifts the form) is opened again, up to three times.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  const chosen = select
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-selection-item', { hasText: text });
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click({ force: true });
      await select.fill(text);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click({ timeout: 5_000 });
      await chosen.first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** API calls for test set-up, with a session of their own. */
export async function apiSession(baseUrl: string, username: string, password = 'sifang-demo') {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    stores: { id: string; code: string }[];
  };
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { me, call };
}
