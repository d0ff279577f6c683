import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { screenUntil, seedList, uniqueName } from './support/intercept.ts';

let browser: Browser;
const list = uniqueName('e2e-appeal');
const value = '+8613612340001';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('intercept: appeals', () => {
  it('an officer appeals against an entry, an analyst approves, and the tester then allows the number', async () => {
    const analyst = await newSession(browser);
    await login(analyst.page, 'province-analyst');
    await seedList(analyst.context, {
      name: list,
      title: `E2E申诉${list.slice(-4)}`,
      values: [value],
      caseId: 'A-APL-1',
    });

    const officer = await newSession(browser);
    await login(officer.page, 'xuanwu-officer');
    await officer.page.goto(`/intercept/entries?list=${list}`);
    await officer.page.getByRole('button', { name: `申诉 ${value}` }).click();
    const filing = officer.page.getByRole('dialog');
    await filing.getByLabel('申诉理由').fill('机主为正常经营的商户，号码被误拦截');
    await filing.getByLabel('证明材料').fill('营业执照 91320102MA0000000X');
    await filing.getByRole('button', { name: /提\s*交/ }).click();
    await officer.page.getByText('已提交申诉').waitFor();
    await openFromNav(officer.page, '申诉');
    await officer.page.getByRole('row').filter({ hasText: value }).getByText('待处理').waitFor();

    await openFromNav(analyst.page, '申诉');
    const row = analyst.page.getByRole('row').filter({ hasText: value });
    await row.getByText('xuanwu-officer').waitFor();
    await screenshot(analyst.page, 'appeals-queue');
    await row.getByRole('button', { name: `批准 ${value}` }).click();
    const deciding = analyst.page.getByRole('dialog');
    await deciding
      .getByText(`批准后，${value} 将从名单 ${list} 中撤销，并加入放行名单`, { exact: false })
      .waitFor();
    await deciding.getByLabel('处理意见').fill('核实为正常商户号码，准予放行');
    await screenshot(analyst.page, 'appeals-approve');
    await deciding.getByRole('button', { name: /批\s*准/ }).click();
    await analyst.page.getByText('已批准申诉').waitFor();

    const card = await screenUntil(analyst.page, 'number', value, '放行');
    await card.getByRole('row').filter({ hasText: '放行' }).first().waitFor();
    await screenshot(analyst.page, 'appeals-allowed');
    await analyst.context.close();

    // The appellant sees the outcome.
    await officer.page.getByText('全部', { exact: true }).click();
    const outcome = officer.page.getByRole('row').filter({ hasText: value });
    await outcome.getByText('已批准').waitFor();
    await outcome.getByText('核实为正常商户号码，准予放行').waitFor();
    await officer.context.close();
  });
});
