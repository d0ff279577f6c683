import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, session } from './support/api.ts';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { pickOption } from './support/intercept.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Names of this run only, so reruns against one platform never meet old records.
const run = String(Date.now()).slice(-6);
const day = 86_400_000;

/** An operation of the province over the last and next ten days, 南京市 taking part. */
async function startOperation(name: string) {
  const analyst = await session('province-analyst');
  return api<{ id: string }>(analyst, 'POST', '/api/v1/operations', {
    name,
    windowFrom: new Date(Date.now() - 10 * day).toISOString(),
    windowTo: new Date(Date.now() + 10 * day).toISOString(),
    units: [{ unitCode: '320100', targetSuspects: 4 }],
  });
}

describe('special operations', () => {
  it('the 收网 board shows feedback given meanwhile through the API, live, without a reload', async () => {
    const operation = await startOperation(`集中收网-${run}`);
    const province = await session('province-analyst');
    const dispatched = await api<{ items: { id: string }[] }>(province, 'POST', '/api/v1/clues', {
      clues: [
        {
          targetUnitCode: '320102',
          title: `收网目标-${run}`,
          content: '集中收网重点对象，请落地抓捕。',
          deadlineAt: new Date(Date.now() + day).toISOString(),
          operationId: operation.id,
        },
      ],
    });
    const clue = dispatched.items[0]!;

    const { page } = await newSession(browser);
    await login(page, 'nanjing-officer');
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`/operations/${operation.id}/board`);
    await page.getByRole('heading', { name: `集中收网：集中收网-${run}` }).waitFor();
    await page.locator('[data-testid="board-stream-state"][data-state="live"]').waitFor();
    const row = page.getByRole('row').filter({ hasText: '南京市' });
    await row.getByText('0 / 4').waitFor();
    const loadsBefore = loads;
    // While the stream is live the board does not poll every few seconds: six quiet seconds, no request.
    let boardRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes(`/api/v1/operations/${operation.id}/board`)) boardRequests++;
    });
    await page.waitForTimeout(6_000);
    expect(boardRequests).toBe(0);

    // 玄武区 signs for the target and feeds back two caught, through the API.
    const county = await session('xuanwu-officer');
    await api(county, 'POST', `/api/v1/clues/${clue.id}/sign`, {});
    await api(county, 'POST', `/api/v1/clues/${clue.id}/feedback`, { result: 'caught', caughtCount: 2 });

    // Well inside the slow fallback poll (60 s): the stream brought it.
    await row.getByText('2 / 4').waitFor({ timeout: 10_000 });
    await page.getByText(`收网目标-${run}`).first().waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: /玄武区 · 反馈 · 已抓获/ }).waitFor({ timeout: 10_000 });
    expect(loads).toBe(loadsBefore);
    expect(boardRequests).toBeGreaterThanOrEqual(1); // the reload the event asked for
    await screenshot(page, 'operations-board-live');
    await page.context().close();
  }, 90_000);

  it('南京市 enters a case for 玄武区, freezes money on its account, and the operation counts it', async () => {
    const name = `断卡-${run}`;
    await startOperation(name);
    const account = `9999${run}000000777`;
    const number = `1390${run}7`;
    const { page } = await newSession(browser);
    await login(page, 'nanjing-officer');
    await openFromNav(page, '案件');
    await page.getByRole('button', { name: '录入案件' }).click();
    await page.getByRole('heading', { name: '录入案件' }).waitFor();
    // The case belongs to 玄武区, not to the city entering it.
    await page.getByLabel('所属单位').click();
    await page.locator('.ant-select-dropdown:visible').getByText('玄武区（320102）').click();
    await pickOption(page, page, '案件类别', '冒充公检法');
    await page.getByLabel('受害人姓名').fill('李四');
    await page.getByLabel('损失金额（元）').fill('20000');
    // A number seen once, entered with low confidence: marked, not blocked.
    await page.getByLabel('线索内容 1').fill(number);
    await page.getByLabel('可信度 1').fill('50');
    await page.getByRole('button', { name: '添加线索' }).click();
    await pickOption(page, page, '线索类型 2', '银行卡');
    await page.getByLabel('线索内容 2').fill(account);
    await page.getByLabel('金额（元） 2').fill('20000');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByRole('heading', { name: /^案件 A320102\d+$/ }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: `+86${number}` })
      .getByText('标记', { exact: true })
      .waitFor();

    // The bank froze 12,345 yuan on the account: the officer records it from the notice.
    const row = page.getByRole('row').filter({ hasText: account });
    await row.getByRole('button', { name: /冻\s*结/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('冻结金额（元）').fill('12345');
    await dialog.getByLabel('冻结通知书文号').fill(`玄公冻字-${run}`);
    await dialog.getByRole('button', { name: /冻\s*结/ }).click();
    await page.getByText('已记录冻结').waitFor();
    await row.getByTestId('footprint-frozen').getByText('已冻结 12,345 元').waitFor();
    await screenshot(page, 'cases-freeze');

    // The province's operation counts it for 南京市, computed from the freeze.
    const analyst = await newSession(browser);
    await login(analyst.page, 'province-analyst');
    await openFromNav(analyst.page, '专项行动');
    await analyst.page.getByRole('link', { name, exact: true }).click();
    await analyst.page.getByRole('heading', { name }).waitFor();
    await analyst.page.getByRole('row').filter({ hasText: '南京市' }).getByText('12,345').waitFor();
    await screenshot(analyst.page, 'operations-money-frozen');
    await page.context().close();
    await analyst.context.close();
  }, 120_000);
});
