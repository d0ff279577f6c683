import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navItem, newSession, openFromNav, screenshot } from './support/browser.ts';
import { screenUntil } from './support/intercept.ts';

let browser: Browser;
const lookalike = 'icbc-login-verify.top';
const benign = 'baidu.com';
const stillPending = 'alipay-kefu95188.vip';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('intercept: new-domain watch', () => {
  it('an analyst submits new names, blocks the lookalike onto fraud-domains, and the tester blocks it; an officer only reads', async () => {
    const analyst = await newSession(browser);
    const { page } = analyst;
    await login(page, 'province-analyst');
    // The demo seeds fraud-domains; create it when it is missing so the test stands on its own.
    const lists = await analyst.context.request.get('/api/v1/intel/lists');
    const names = ((await lists.json()) as { items: { name: string }[] }).items.map((list) => list.name);
    if (!names.includes('fraud-domains')) {
      const created = await analyst.context.request.post('/api/v1/intel/lists', {
        data: { name: 'fraud-domains', title: '涉诈域名', kind: 'domain', defaultAction: 'block' },
      });
      expect(created.status()).toBe(201);
    }

    await openFromNav(page, '新域名监测');
    await page.getByRole('button', { name: '提交新域名' }).click();
    const submitting = page.getByRole('dialog');
    await submitting.getByLabel('来源名称').fill('e2e-ct-log');
    await submitting.getByLabel('域名（每行一个）').fill([lookalike, benign, stillPending].join('\n'));
    await submitting.getByText('共 3 个域名').waitFor();
    await submitting.getByRole('button', { name: /评\s*分/ }).click();
    await page.getByText('收到 3 个域名，2 个评分超过阈值，新增待审核 2 个').waitFor();

    const row = page.getByRole('row').filter({ hasText: lookalike });
    await row.getByText('品牌加词：中国工商银行').waitFor();
    await row.getByText('e2e-ct-log').waitFor();
    await page.getByRole('row').filter({ hasText: stillPending }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: benign }).count()).toBe(0);
    await screenshot(page, 'domain-watch-queue');

    await row.getByRole('button', { name: `拦截 ${lookalike}` }).click();
    const deciding = page.getByRole('dialog');
    await deciding.getByText(`${lookalike} 及其子域名将加入名单 fraud-domains`, { exact: false }).waitFor();
    await deciding.getByLabel('处理理由').fill('仿冒工商银行登录页，新注册域名');
    await screenshot(page, 'domain-watch-decide');
    await deciding.getByRole('button', { name: /拦\s*截/ }).click();
    await page.getByText(`已拦截 ${lookalike}`).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: lookalike }).count()).toBe(0);

    await page.getByRole('tab', { name: '已拦截' }).click();
    const blocked = page.getByRole('row').filter({ hasText: lookalike });
    await blocked.getByText('仿冒工商银行登录页，新注册域名').waitFor();
    await blocked.getByText('fraud-domains').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('blocked');
    await blocked.getByRole('link', { name: `研判测试 ${lookalike}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('value')).toBe(lookalike);

    // The entry covers the name's subdomains.
    await screenUntil(page, 'domain', `www.${lookalike}`, '拦截');
    await screenshot(page, 'domain-watch-tester');
    await analyst.context.close();

    const officer = await newSession(browser);
    await login(officer.page, 'xuanwu-officer');
    await openFromNav(officer.page, '新域名监测');
    const pendingRow = officer.page.getByRole('row').filter({ hasText: stillPending });
    await pendingRow.waitFor();
    expect(await pendingRow.getByRole('button', { name: /^(拦截|放行|忽略) / }).count()).toBe(0);
    expect(await officer.page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    expect(await officer.page.getByRole('button', { name: '提交新域名' }).count()).toBe(0);
    await officer.page.getByRole('tab', { name: '已拦截' }).click();
    await officer.page.getByRole('row').filter({ hasText: lookalike }).waitFor();
    // The same queue in English, its signals in words.
    await officer.page.getByText('English', { exact: true }).click();
    await officer.page.getByRole('tab', { name: 'To review' }).click();
    await officer.page
      .getByRole('row')
      .filter({ hasText: stillPending })
      .getByText('Brand plus words: Alipay')
      .waitFor();
    await screenshot(officer.page, 'domain-watch-officer-en');
    await officer.context.close();
  });

  it('an auditor has no new-domain watch', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-auditor');
    await navItem(page, '审计日志').waitFor();
    expect(await navItem(page, '新域名监测').count()).toBe(0);
    await page.goto('/intercept/domain-watch');
    await page.getByText('没有访问权限').waitFor();
    await context.close();
  });
});
