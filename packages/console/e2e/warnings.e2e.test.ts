import { HttpPlatformClient, injectScenario } from '@fanzha/sim';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/intercept.ts';
import {
  baseURL,
  launchBrowser,
  login,
  navItem,
  newSession,
  openFromNav,
  screenshot,
} from './support/browser.ts';

let browser: Browser;
const avoided = 38_000;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The simulator, driving the e2e platform through its public HTTP interfaces as the demo's staff. */
const simulator = () => HttpPlatformClient.forDemo(baseURL());

/** A figure on the figures page (避免损失, 下发预警…) as a number. */
async function figure(page: Page, name: string): Promise<number> {
  const value = page.getByRole('region', { name }).locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/[^\d.]/g, ''));
}

describe('warn and dissuade', () => {
  it('a red scenario in 玄武区 appears live in the county officer’s queue; a dissuasion raises the loss avoided', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');

    await openFromNav(page, '预警统计');
    const before = await figure(page, '避免损失');

    await openFromNav(page, '预警队列');
    await page.getByText('实时更新中').waitFor();
    // Anything that reloads the page would drop this marker.
    await page.evaluate(() => Object.assign(globalThis, { e2eNoReload: true }));

    const scenario = await injectScenario(simulator(), { kind: 'red', countyCode: '320102' });
    const masked = `${scenario.phone.slice(0, 3)}****${scenario.phone.slice(-4)}`;
    const row = page.getByRole('row').filter({ hasText: masked });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(
      true,
    );
    await row.getByText('红色').waitFor();
    await row.getByText('冒充公检法').waitFor();
    await row.getByText(/剩余 \d+:\d\d/).waitFor();
    await screenshot(page, 'warnings-queue');

    await row.getByRole('link', { name: new RegExp(`查看预警 .*${masked.replace(/\*/g, '\\*')}`) }).click();
    await page.getByRole('heading', { name: new RegExp(`预警 .*${masked.replace(/\*/g, '\\*')}`) }).waitFor();
    await page.getByText(scenario.phone, { exact: false }).first().waitFor();
    await page.getByText('触发规则').first().waitFor();
    await page.getByText(scenario.domain).first().waitFor();
    await page.getByText('尚未联系').waitFor();
    await screenshot(page, 'warnings-detail');

    await page.getByRole('button', { name: '记录处置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('96110 电话').check();
    await dialog.getByLabel('劝阻成功').check();
    await dialog.getByLabel('避免损失金额（即将支付的金额）').fill(String(avoided));
    await dialog.getByLabel('备注').fill('本人正准备向“安全账户”转账，经电话劝阻后停止');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已记录处置').waitFor();
    const attempt = page.getByRole('row').filter({ hasText: '96110 电话' });
    await attempt.getByText('劝阻成功').waitFor();
    await attempt.getByText('38,000 元').waitFor();
    await page.getByText('已办结').first().waitFor();
    expect(await page.getByRole('button', { name: '记录处置' }).count()).toBe(0);
    await screenshot(page, 'warnings-dissuaded');

    await openFromNav(page, '预警统计');
    await expect.poll(() => figure(page, '避免损失')).toBe(before + avoided);
    expect(await figure(page, '劝阻成功')).toBeGreaterThanOrEqual(1);
    await page.getByRole('img', { name: '各单位预警' }).waitFor();
    await screenshot(page, 'warnings-figures');
    await context.close();
  });

  it('the city officer finds it by level in the queue and transfers it to another county; the timeline says so, in English too', async () => {
    const scenario = await injectScenario(simulator(), { kind: 'red', countyCode: '320102' });
    const masked = `${scenario.phone.slice(0, 3)}****${scenario.phone.slice(-4)}`;
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-officer');
    await openFromNav(page, '预警队列');
    await pickOption(page, page, '预警等级', '红色');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('red');
    const row = page.getByRole('row').filter({ hasText: masked });
    await row.getByText('玄武区').waitFor();
    await row.getByRole('link').click();

    await page.getByRole('button', { name: /转\s*派/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接收单位').click();
    await page.keyboard.type('秦淮');
    await page.getByTitle('秦淮区（320104）').click();
    await dialog.getByLabel('转派理由').fill('本人实际居住在秦淮区，由秦淮区民警上门劝阻');
    await dialog.getByRole('button', { name: /转\s*派/ }).click();
    await page.getByText('已转派').waitFor();
    await page.getByText('转派：玄武区 → 秦淮区').waitFor();
    await page.getByText('本人实际居住在秦淮区，由秦淮区民警上门劝阻', { exact: false }).waitFor();
    await page.getByText('秦淮区（320104）').waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Transferred: 玄武区 → 秦淮区').waitFor();
    await page.getByRole('button', { name: 'Record attempt' }).waitFor();
    await screenshot(page, 'warnings-transferred-en');
    await context.close();
  });

  it('an auditor reads the queue and figures but records nothing and sees no dead letters', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-auditor');
    await openFromNav(page, '预警队列');
    await page.getByRole('heading', { name: '预警队列' }).waitFor();
    expect(await navItem(page, '死信事件').count()).toBe(0);
    await page.goto('/warnings/dead-letters');
    await page.getByText('没有访问权限').waitFor();
    await context.close();
  });

  it('the province analyst backtests the rules and saves a new version of one, tried first', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-analyst');
    await openFromNav(page, '预警规则');
    const rule = '冒充公检法来电后访问涉诈网站';
    const row = page.getByRole('row').filter({ hasText: rule });
    await row.getByText('30 分钟').waitFor();

    await page.getByRole('button', { name: /回测所选 \d+ 条规则/ }).click();
    const result = page.getByRole('region', { name: '回测结果' });
    // The scenarios of the tests before fired this rule.
    await expect
      .poll(async () =>
        Number(await result.getByRole('row').filter({ hasText: rule }).getByRole('cell').nth(2).innerText()),
      )
      .toBeGreaterThanOrEqual(1);

    await row.getByRole('button', { name: `新版本 ${rule}` }).click();
    const dialog = page.getByRole('dialog');
    const json = dialog.getByLabel('规则（JSON）');
    await json.fill((await json.inputValue()).replace('"windowMinutes": 30', '"windowMinutes": 45'));
    await dialog.getByRole('button', { name: '回测近 7 天' }).click();
    await dialog.getByText(/近 7 天将产生预警 \d+ 条/).waitFor();
    await dialog.getByRole('button', { name: '保存并生效' }).click();
    await page.getByText('已保存 v2，已生效').waitFor();
    await row.getByText('45 分钟').waitFor();
    await row.getByText('police-call-then-listed-web · v2').waitFor();
    await screenshot(page, 'warnings-rules');
    await context.close();
  });
});
