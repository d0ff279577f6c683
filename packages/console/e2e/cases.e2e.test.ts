import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { pickOption, screenUntil } from './support/intercept.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A bank card of the prefix with its Luhn check digit. */
function luhnCard(prefix: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = `${prefix}${check}`;
    let sum = 0;
    for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
      let d = Number(digits[i]);
      if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

// Values of this run only, so reruns against one platform never meet old entries.
const stamp = String(Date.now()).slice(-8);
const number = `139${stamp}`;
const card = luhnCard(`622202${stamp}0`);
const domain = `gongan-${stamp}.example.cn`;
const app = `com.anquan${stamp}.fanghu`;

describe('cases', () => {
  it('an officer enters a case with four footprints (one an app) and sees each listed as blocked', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');
    await openFromNav(page, '案件');
    await page.getByRole('heading', { name: '案件' }).waitFor();
    await page.getByRole('button', { name: '录入案件' }).click();
    await page.getByRole('heading', { name: '录入案件' }).waitFor();

    await pickOption(page, page, '案件类别', '冒充公检法');
    await page.getByLabel('警情编号').fill(`JQ${stamp}`);
    await page.getByLabel('受害人姓名').fill('张三');
    await page.getByLabel('受害人电话').fill('13912345678');
    await page.getByLabel('损失金额（元）').fill('52000');
    await page
      .getByLabel('简要案情')
      .fill('受害人接到自称公安局的电话，称其涉嫌洗钱，按要求向“安全账户”转账。');
    await page.getByRole('button', { name: '添加嫌疑人' }).click();
    await page.getByLabel('姓名或昵称 1').fill('阿强');
    await page.getByLabel('电话 1', { exact: true }).fill('17123450001');
    await page
      .getByLabel('线索内容 1')
      .fill(`${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`);
    await page.getByRole('button', { name: '添加线索' }).click();
    await pickOption(page, page, '线索类型 2', '银行卡');
    await page.getByLabel('线索内容 2').fill(card);
    await page.getByLabel('金额（元） 2').fill('52000');
    await page.getByRole('button', { name: '添加线索' }).click();
    await pickOption(page, page, '线索类型 3', '域名');
    await page.getByLabel('线索内容 3').fill(domain.toUpperCase());
    await page.getByRole('button', { name: '添加线索' }).click();
    await pickOption(page, page, '线索类型 4', '应用');
    await page.getByLabel('线索内容 4').fill(`package:${app.toUpperCase()}`);
    await screenshot(page, 'cases-form');
    await page.getByRole('button', { name: /提\s*交/ }).click();

    await page.getByText(/已录入案件 A320102/).waitFor();
    await page.getByRole('heading', { name: /^案件 A320102\d+$/ }).waitFor();
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    for (const value of [`+86${number}`, card, domain, app]) {
      const row = page.getByRole('row').filter({ hasText: value });
      await row.getByText('拦截', { exact: true }).waitFor();
      await row.getByText(/^名单 case-/).waitFor();
    }
    // The victim is masked on the page.
    await page.getByText('张* · 139****5678').waitFor();
    await page.getByText('阿* · 171****0001').waitFor();
    await screenshot(page, 'cases-detail');

    // The list shows the case; the screening tester blocks its number with the case as the source.
    await openFromNav(page, '案件');
    await page.getByRole('row').filter({ hasText: caseId }).getByText('冒充公检法').waitFor();
    const verdict = await screenUntil(page, 'number', number, '拦截');
    await verdict.getByText(caseId).first().waitFor();
    expect(await verdict.getByText(caseId).count()).toBeGreaterThan(0);
    // So does the app, asked for by its package name in the tester.
    const appVerdict = await screenUntil(page, 'app', app, '拦截');
    await appVerdict.getByText('case-apps').first().waitFor();
    await appVerdict.getByText(caseId).first().waitFor();
    await context.close();
  });

  it('an officer imports a sheet: a bad row is reported by number and nothing is imported until it is fixed', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');
    await openFromNav(page, '案件');
    await page.getByRole('button', { name: /导\s*入/ }).click();
    await page.getByRole('heading', { name: '导入案件' }).waitFor();
    const template = page.getByRole('link', { name: /下载导入模板/ });
    expect(await template.getAttribute('href')).toBe('/api/v1/cases/import-template.xlsx');

    const ref = `IMP-${stamp}`;
    const sheet = (cardValue: string) =>
      [
        '案件参考号,案件类别,受害人姓名,损失金额（元）,线索类型,线索内容,涉案金额（元）',
        `${ref},刷单返利,李四,3000,号码,138${stamp},`,
        `${ref},,,,银行卡,${cardValue},3000`,
      ].join('\n');
    const choose = (text: string) =>
      page
        .locator('input[type=file]')
        .setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    await choose(sheet(`${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10}`));
    await page.getByRole('button', { name: /开始导入/ }).click();
    await page.getByText('文件中有 1 处错误，未导入任何内容', { exact: false }).waitFor();
    const problem = page.getByRole('row').filter({ hasText: 'bad_checksum' });
    await problem.getByRole('cell', { name: '3', exact: true }).waitFor();
    await problem.getByRole('cell', { name: '线索内容' }).waitFor();
    await screenshot(page, 'cases-import-errors');

    await choose(sheet(card));
    await page.getByRole('button', { name: /开始导入/ }).click();
    await page.getByText('已导入 1 个案件、2 条线索').waitFor();
    await page.getByRole('row').filter({ hasText: ref }).getByRole('link').click();
    await page
      .getByRole('row')
      .filter({ hasText: `+86138${stamp}` })
      .getByText('拦截', { exact: true })
      .waitFor();
    await context.close();
  });
});
