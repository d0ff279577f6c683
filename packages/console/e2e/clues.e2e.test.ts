import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { pickOption } from './support/intercept.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A title of this run only, so reruns against one platform never meet old clues.
const title = `涉诈开卡人核查-${String(Date.now()).slice(-8)}`;

/** Opens the clue of this run from the inbox or the sent clues. */
async function openClue(page: Page, list: '线索收件箱' | '下发线索') {
  await openFromNav(page, list);
  await page.getByRole('heading', { name: list }).waitFor();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

describe('clues', () => {
  it('南京市 dispatches a clue, 玄武区 signs for it and feeds back 已抓获, 南京市 sees the result', async () => {
    // 南京市's officer dispatches to 玄武区.
    const city = await newSession(browser);
    await login(city.page, 'nanjing-officer');
    await openFromNav(city.page, '下发线索');
    await city.page.getByRole('button', { name: '下发线索' }).click();
    await city.page.getByRole('heading', { name: '下发线索' }).waitFor();
    await city.page.getByLabel('承办单位', { exact: true }).click();
    await city.page.locator('.ant-select-dropdown:visible').getByText('玄武区（320102）').click();
    await city.page.getByLabel('标题').fill(title);
    await city.page.getByLabel('线索内容').fill('该人员名下银行卡多次接收诈骗资金，请核查落地并反馈。');
    await city.page.getByRole('button', { name: '添加涉及对象' }).click();
    await pickOption(city.page, city.page, '第 1 项类型', '账户/银行卡');
    await city.page.getByLabel('第 1 项内容').fill('6222020000000000001');
    await screenshot(city.page, 'clues-dispatch');
    await city.page
      .getByRole('button', { name: /下\s*发/ })
      .last()
      .click();
    await city.page.getByRole('heading', { name: title }).waitFor();
    await city.page.getByText('待签收').first().waitFor();

    // 玄武区's officer finds it in the inbox, signs and feeds back two caught.
    const county = await newSession(browser);
    await login(county.page, 'xuanwu-officer');
    await openClue(county.page, '线索收件箱');
    await county.page.getByRole('button', { name: /签\s*收/ }).click();
    await county.page.getByText('办理中').first().waitFor();
    await county.page.getByRole('button', { name: /反\s*馈/ }).click();
    const dialog = county.page.getByRole('dialog');
    await dialog.getByText('已抓获', { exact: true }).click();
    await dialog.getByLabel('抓获人数').fill('2');
    await dialog.getByLabel('缴获卡数（张）').fill('3');
    await dialog.getByLabel('说明').fill('抓获持卡人及上线');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await county.page.getByText('已反馈', { exact: true }).first().waitFor();
    await county.page.getByText('抓获 2 人，缴获卡 3 张，冻结 0 元').waitFor();
    await screenshot(county.page, 'clues-detail');

    // 南京市 sees the answer among its sent clues, with the flow.
    await openClue(city.page, '下发线索');
    await city.page.getByText('抓获 2 人，缴获卡 3 张，冻结 0 元').waitFor();
    await city.page
      .getByTestId('clue-hop')
      .filter({ hasText: '签收' })
      .filter({ hasText: 'xuanwu-officer' })
      .waitFor();
    await city.page
      .getByTestId('clue-hop')
      .filter({ hasText: '反馈' })
      .filter({ hasText: '抓获 2 人' })
      .waitFor();

    // The figures count it for 玄武区.
    await openFromNav(city.page, '线索统计');
    await city.page.getByRole('row').filter({ hasText: '玄武区' }).getByText('100%').first().waitFor();
    await screenshot(city.page, 'clues-figures');
    await city.context.close();
    await county.context.close();
  });

  it('南京市 starts an operation, dispatches a target under it, and the 收网 board shows 玄武区’s arrest live', async () => {
    const operation = `断卡-${String(Date.now()).slice(-6)}`;
    const target = `收网目标-${String(Date.now()).slice(-6)}`;
    const analyst = await newSession(browser);
    await login(analyst.page, 'nanjing-analyst');
    await openFromNav(analyst.page, '专项行动');
    await analyst.page.getByRole('button', { name: '新建专项行动' }).click();
    await analyst.page.getByRole('heading', { name: '新建专项行动' }).waitFor();
    await analyst.page.getByLabel('行动名称').fill(operation);
    await analyst.page.getByLabel('第 1 个参战单位').click();
    await analyst.page.locator('.ant-select-dropdown:visible').getByText('玄武区（320102）').click();
    await analyst.page.getByPlaceholder('抓获目标（人）').fill('5');
    await analyst.page.getByRole('button', { name: /创\s*建/ }).click();
    await analyst.page.getByRole('heading', { name: operation }).waitFor();
    await analyst.page.getByRole('row').filter({ hasText: '玄武区' }).waitFor();
    // The target was too low: 修改 raises it to 6.
    await analyst.page.getByRole('link', { name: '修改' }).click();
    await analyst.page.getByRole('heading', { name: '修改专项行动' }).waitFor();
    await expect.poll(() => analyst.page.getByLabel('行动名称').inputValue()).toBe(operation);
    await analyst.page.getByPlaceholder('抓获目标（人）').fill('6');
    await analyst.page.getByRole('button', { name: /保\s*存/ }).click();
    await analyst.page.getByRole('heading', { name: operation }).waitFor();
    await analyst.page
      .getByRole('row')
      .filter({ hasText: '玄武区' })
      .getByText('6', { exact: true })
      .first()
      .waitFor();
    await screenshot(analyst.page, 'operations-figures');

    // A key target dispatched under the operation.
    await openFromNav(analyst.page, '下发线索');
    await analyst.page.getByRole('button', { name: '下发线索' }).click();
    await analyst.page.getByRole('heading', { name: '下发线索' }).waitFor();
    await analyst.page.getByLabel('承办单位', { exact: true }).click();
    await analyst.page.locator('.ant-select-dropdown:visible').getByText('玄武区（320102）').click();
    await analyst.page.getByLabel('标题').fill(target);
    await analyst.page.getByLabel('线索内容').fill('集中收网重点对象，请落地抓捕。');
    await pickOption(analyst.page, analyst.page, '所属专项行动', operation);
    await analyst.page
      .getByRole('button', { name: /下\s*发/ })
      .last()
      .click();
    await analyst.page.getByRole('heading', { name: target }).waitFor();

    // The board, left open while 玄武区 works the target.
    await analyst.page.getByRole('link', { name: operation }).click();
    await analyst.page.getByRole('link', { name: '收网看板' }).click();
    const row = analyst.page.getByRole('row').filter({ hasText: '玄武区' });
    await row.getByText('0 / 6').waitFor();

    const county = await newSession(browser);
    await login(county.page, 'xuanwu-officer');
    await county.page.goto('/clues/inbox');
    await county.page.getByRole('link', { name: target, exact: true }).click();
    await county.page.getByRole('button', { name: /签\s*收/ }).click();
    await county.page.getByRole('button', { name: /反\s*馈/ }).click();
    const dialog = county.page.getByRole('dialog');
    await dialog.getByText('已抓获', { exact: true }).click();
    await dialog.getByLabel('抓获人数').fill('2');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await county.page.getByText('已反馈', { exact: true }).first().waitFor();

    // No reload: the board's live stream brings the feedback.
    await row.getByText('2 / 6').waitFor();
    await analyst.page.getByText(`${target}`).first().waitFor();
    await screenshot(analyst.page, 'operations-board');
    await analyst.context.close();
    await county.context.close();
  }, 150_000);
});
