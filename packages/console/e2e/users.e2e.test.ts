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

/** Signs in as the Nanjing admin and opens the users page filtered to one username. */
async function usersPageFor(username: string) {
  const session = await newSession(browser);
  await login(session.page, 'nanjing-admin');
  await session.page.goto(`/system/users?q=${encodeURIComponent(username)}`);
  const row = session.page.getByRole('table').getByRole('row').filter({ hasText: username });
  await row.waitFor();
  return { ...session, row };
}

// The tests of this file follow one account through its life: created, looked at, disabled.
const username = `e2e-officer-${Date.now().toString(36)}`;
const password = 'e2e-password-1';

describe('users page (admin)', () => {
  it('the city admin creates a user in one of its counties, who can then sign in', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-admin');
    await openFromNav(page, '用户');
    const table = page.getByRole('table');
    await table.getByText('xuanwu-officer').waitFor();
    // The city admin's subtree: no province accounts.
    expect(await table.getByText('province-admin').count()).toBe(0);
    await screenshot(page, 'users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试民警');
    await pickUnit(page, '所属单位', '玄武', '玄武区（320102）');
    await dialog.getByLabel('初始密码').fill(password);
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
    await context.close();

    const newcomer = await newSession(browser);
    await login(newcomer.page, username, password);
    await newcomer.page.getByRole('heading', { name: '测试民警，您好' }).waitFor();
    await newcomer.context.close();
  });

  it('the admin reveals the full phone number for a reason, and the view is audited', async () => {
    const { context, page, row } = await usersPageFor(username);
    await row.getByRole('button', { name: '查看完整号码' }).click();
    const reveal = page.getByRole('dialog');
    await reveal.getByLabel('查看事由').fill('核对联系方式');
    await reveal.getByRole('button', { name: /查\s*看/ }).click();
    await reveal.getByText('13912345678').waitFor();
    await screenshot(page, 'users-reveal');
    await page.keyboard.press('Escape');
    await reveal.waitFor({ state: 'hidden' });

    // An admin reads the audit log of the subtree too.
    await openFromNav(page, '审计日志');
    const action = page.getByLabel('动作');
    await action.fill('personal_data.reveal');
    await action.press('Enter');
    await action.blur();
    const entry = page.getByRole('table').getByRole('row').filter({ hasText: '核对联系方式' });
    await entry.getByText('查看个人信息').waitFor();
    await entry.getByText('nanjing-admin').waitFor();
    await context.close();
  });

  it('the admin disables the account, which can then no longer sign in', async () => {
    const { context, page, row } = await usersPageFor(username);
    await row.getByRole('button', { name: `编辑 ${username}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('停用账号').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('停用').waitFor();
    await context.close();

    const refused = await newSession(browser);
    await refused.page.goto('/login');
    await refused.page.getByLabel('用户名').fill(username);
    await refused.page.getByLabel('密码').fill(password);
    await refused.page.getByRole('button', { name: /登\s*录/ }).click();
    await refused.page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await refused.context.close();
  });

  it('a duplicate username is reported on the field', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-admin');
    await page.goto('/system/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('xuanwu-officer');
    await dialog.getByLabel('姓名').fill('重复');
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await dialog.getByText('用户名已被使用').waitFor();
    await context.close();
  });
});
