import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks a unit in the open dialog's unit selector by typing part of its name, as a person would. */
async function pickUnit(page: Page, field: string, search: string, unitLabel: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).click();
  await page.keyboard.type(search);
  await page.getByTitle(unitLabel).click();
}

describe('users page (admin)', () => {
  it('the city admin creates a user in one of its counties and reveals the phone with a reason', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-admin');
    await openFromNav(page, '用户');
    const table = page.getByRole('table');
    await table.getByText('xuanwu-officer').waitFor();
    // The city admin's subtree: no province accounts.
    expect(await table.getByText('province-admin').count()).toBe(0);
    await screenshot(page, 'users');

    const username = `e2e-officer-${Date.now().toString(36)}`;
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试民警');
    await pickUnit(page, '所属单位', '玄武', '玄武区（320102）');
    await dialog.getByLabel('初始密码').fill('e2e-password-1');
    await dialog.getByLabel('手机号').fill('13912345678');
    await screenshot(page, 'users-create');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await page.getByText(`已创建用户 ${username}`).waitFor();

    await page.getByPlaceholder('用户名或姓名').fill(username);
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    const row = table.getByRole('row').filter({ hasText: username });
    await row.getByText('玄武区').waitFor();
    await row.getByText('139****5678').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // header + the new user

    await row.getByRole('button', { name: '查看完整号码' }).click();
    const reveal = page.getByRole('dialog');
    await reveal.getByLabel('查看事由').fill('核对联系方式');
    await reveal.getByRole('button', { name: /查\s*看/ }).click();
    await reveal.getByText('13912345678').waitFor();
    await screenshot(page, 'users-reveal');
    await page.keyboard.press('Escape');
    await reveal.waitFor({ state: 'hidden' });

    // The view is in the audit log with its reason (an admin reads the log too).
    await openFromNav(page, '审计日志');
    await page.getByLabel('动作').fill('personal_data.reveal');
    await page.getByLabel('动作').press('Enter');
    await page.getByLabel('动作').blur();
    const entry = page.getByRole('table').getByRole('row').filter({ hasText: '核对联系方式' });
    await entry.getByText('查看个人信息').waitFor();
    await entry.getByText('nanjing-admin').waitFor();
    await context.close();

    // The new account works.
    const second = await newSession(browser);
    await login(second.page, username, 'e2e-password-1');
    await second.page.getByRole('heading', { name: '测试民警，您好' }).waitFor();
    await second.context.close();
  });

  it('a duplicate username is reported on the field', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-admin');
    await page.goto('/system/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('xuanwu-officer');
    await dialog.getByLabel('姓名').fill('重复');
    await dialog.getByLabel('初始密码').fill('e2e-password-1');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await dialog.getByText('用户名已被使用').waitFor();
    await context.close();
  });
});
