import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navItem, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('audit log page', () => {
  it('the auditor sees a login in the audit log', async () => {
    const officer = await newSession(browser);
    await login(officer.page, 'xuanwu-analyst');
    await officer.context.close();

    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-auditor');
    await openFromNav(page, '审计日志');
    expect(await navItem(page, '用户').count()).toBe(0);
    const table = page.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'nanjing-auditor' }).first().waitFor();

    await page.getByPlaceholder('操作人用户名').fill('xuanwu-analyst');
    await page.getByPlaceholder('操作人用户名').press('Enter');
    const row = table
      .getByRole('row')
      .filter({ hasText: 'xuanwu-analyst' })
      .filter({ hasText: 'auth.login' });
    await row.first().waitFor();
    await row.first().getByText('登录', { exact: true }).waitFor();
    await row.first().getByText('玄武区').waitFor();
    // Only that actor's rows are left.
    await expect
      .poll(async () => {
        const texts = await table.getByRole('row').allTextContents();
        return texts.slice(1).every((text) => text.includes('xuanwu-analyst'));
      })
      .toBe(true);
    await screenshot(page, 'audit');
    await context.close();
  });
});
