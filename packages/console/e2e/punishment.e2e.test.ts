import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, session } from './support/api.ts';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { pickOption } from './support/intercept.ts';
import { residentId } from './support/people.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const run = String(Date.now()).slice(-6);

describe('joint punishment', () => {
  it('玄武区 files a person’s appeal, 南京市 revokes the punishment, and it leaves the active list', async () => {
    const reason = `出租银行卡-${run}`;
    const analyst = await session('nanjing-analyst');
    await api(analyst, 'POST', '/api/v1/punishments', {
      person: { name: '欧申诉', idNumber: residentId('320102', Number(run) + 7) },
      measures: ['financial'],
      reason,
      endsAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
      unitCode: '320102',
    });

    // 玄武区's officer registers the person's appeal.
    const county = await newSession(browser);
    await login(county.page, 'xuanwu-officer');
    await openFromNav(county.page, '联合惩戒');
    await county.page.getByRole('heading', { name: '联合惩戒' }).waitFor();
    const countyRow = county.page.getByRole('row').filter({ hasText: reason });
    await countyRow.getByText('惩戒中').waitFor();
    await countyRow.getByRole('button', { name: /^申诉/ }).click();
    const appeal = county.page.getByRole('dialog');
    await appeal.getByLabel('原因').fill('当事人称银行卡系被盗用，已报案');
    await appeal.getByRole('button', { name: /提\s*交/ }).click();
    await county.page.getByText('已登记申诉').waitFor();
    await countyRow.getByText('申诉中').waitFor();
    await screenshot(county.page, 'punishment-appeal');

    // 南京市's analyst revokes it on appeal.
    const city = await newSession(browser);
    await login(city.page, 'nanjing-analyst');
    await openFromNav(city.page, '联合惩戒');
    const cityRow = city.page.getByRole('row').filter({ hasText: reason });
    await cityRow.getByRole('button', { name: /^处理申诉/ }).click();
    const decide = city.page.getByRole('dialog');
    await decide.getByText('撤销惩戒', { exact: true }).click();
    await decide.getByLabel('原因').fill('经核查银行卡系被盗用');
    await decide.getByRole('button', { name: /决\s*定/ }).click();
    await city.page.getByText('已处理申诉').waitFor();
    // Not in force any more: gone from the active list, shown as 申诉撤销 among all.
    await expect.poll(() => cityRow.count()).toBe(0);
    await pickOption(city.page, city.page, '状态', '全部');
    await cityRow.getByText('申诉撤销').waitFor();
    await screenshot(city.page, 'punishment-revoked');
    await county.context.close();
    await city.context.close();
  }, 120_000);
});
