import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('system: API keys', () => {
  it('the admin creates a key, sees it once, and the key screens', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-admin');
    await openFromNav(page, '接口密钥');
    await page.getByRole('button', { name: '新建密钥' }).click();
    const form = page.getByRole('dialog');
    const name = `中国移动江苏公司 E2E ${Date.now().toString(36)}`;
    await form.getByLabel('使用单位').fill(name);
    await form.getByRole('button', { name: /新\s*建/ }).click();

    const shown = page.getByRole('dialog', { name: '密钥已创建' });
    await shown.getByText('密钥只显示这一次').waitFor();
    const key = (await shown.getByLabel('接口密钥').textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await screenshot(page, 'apikey-created');
    await shown.getByRole('button', { name: '我已复制，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText('研判接口').waitFor();
    await row.getByText('有效').waitFor();
    expect(await page.getByText(key).count()).toBe(0);
    await screenshot(page, 'apikeys');

    // The screening API knows new keys within a few seconds (its key table is refreshed, not queried).
    const screen = () =>
      fetch(`${baseURL()}/api/v1/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ kind: 'number', value: '13900000000' }),
      }).then((answer) => answer.status);
    await expect.poll(screen, { timeout: 20_000, interval: 500 }).toBe(200);
    await context.close();
  });

  it('an analyst has no API-keys page', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-analyst');
    await page.goto('/system/api-keys');
    await page.getByText('没有访问权限').waitFor();
    await context.close();
  });
});
