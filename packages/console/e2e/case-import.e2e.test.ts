import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stamp = String(Date.now()).slice(-6);

describe('case import problems', () => {
  it('an officer reads each problem of a sheet in Chinese, by row and by the template’s column', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');
    await openFromNav(page, '案件');
    await page.getByRole('button', { name: /导\s*入/ }).click();
    await page.getByRole('heading', { name: '导入案件' }).waitFor();
    const sheet = [
      '案件参考号,案件类别,受害人姓名,损失金额（元）,线索类型,线索内容,案发时间',
      `IMP-ZH-${stamp},算命,李四,很多,号码,13800${stamp},`,
      `IMP-ZH-${stamp},,,,飞鸽,abc,昨天下午`,
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await page.getByRole('button', { name: /开始导入/ }).click();
    await page.getByText('未导入任何内容', { exact: false }).waitFor();
    const row = (column: string) => page.getByRole('row').filter({ hasText: column });
    await row('案件类别').getByText('无法识别的案件类别「算命」', { exact: false }).waitFor();
    await row('损失金额（元）').getByText('「很多」不是以元为单位的金额').waitFor();
    await row('线索类型').getByText('无法识别的线索类型「飞鸽」', { exact: false }).waitFor();
    await row('案发时间').getByText('「昨天下午」不是有效时间', { exact: false }).waitFor();
    await screenshot(page, 'cases-import-chinese');
    await context.close();
  }, 90_000);
});
