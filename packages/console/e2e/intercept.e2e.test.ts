import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navItem, newSession, openFromNav, screenshot } from './support/browser.ts';
import { addEntries, createList, screenUntil, uniqueName, verdictCard } from './support/intercept.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// One list followed through the file: created, filled (after a refused bad line), screened.
const list = uniqueName('e2e-numbers');
const title = `E2E涉案号码${list.slice(-4)}`;
const caseId = 'A3201-E2E-0001';

describe('intercept: lists, entries and the screening tester', () => {
  it('the province analyst creates a list; a bad line is shown with its reason and nothing is added', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-analyst');
    await openFromNav(page, '名单');
    await page.getByRole('heading', { name: '名单' }).waitFor();
    await createList(page, list, title);

    const dialog = await addEntries(page, list, ['138 1234 5601', '12', '+86 138 1234 5602'], caseId);
    const alert = dialog.getByRole('alert');
    await alert.getByText('1 行无效，未添加任何条目').waitFor();
    await alert.getByText('第 2 行').waitFor();
    await alert.getByText(/位数过短（too_short）/).waitFor();
    await screenshot(page, 'intercept-add-bad-line');
    await page.keyboard.press('Escape');
    // All or nothing: the good lines were not added either.
    const row = page.getByRole('row').filter({ hasText: list });
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('0');

    await addEntries(page, list, ['138 1234 5601', '+86 138 1234 5602'], caseId);
    await page.getByText('已添加 2 条').waitFor();
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('2');
    await screenshot(page, 'intercept-lists');
    await context.close();
  });

  it('the entry row explains the block: the tester shows 拦截 with the list and the case', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-analyst');
    await openFromNav(page, '条目');
    await page.getByPlaceholder('按值搜索（如 138 1234）').fill('138 1234 5601');
    await page.getByPlaceholder('按值搜索（如 138 1234）').press('Enter');
    const row = page.getByRole('row').filter({ hasText: '+8613812345601' });
    await row.getByText(caseId).waitFor();
    // Searched as people write it, found in its normalised form, and nothing else.
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    await row.getByText('拦截', { exact: true }).waitFor();
    await screenshot(page, 'intercept-entries');

    // Its history: who added it, when, on which list.
    await row.getByRole('button', { name: '历史 +8613812345601' }).click();
    const history = page.getByRole('dialog');
    await history.getByText('加入', { exact: true }).waitFor();
    await history.getByText(list).waitFor();
    await history.getByText(/province-analyst/).waitFor();
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    await row.getByRole('link', { name: '为什么被拦截？ +8613812345601' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/intercept/screen');
    const card = await screenUntil(page, 'number', '+8613812345601', '拦截');
    const reason = card.getByRole('row').filter({ hasText: list });
    await reason.getByText(title).waitFor();
    await reason.getByText(caseId).waitFor();
    await reason.getByText('号码精确匹配').waitFor();
    await card.getByText('+8613812345601').first().waitFor();
    await screenshot(page, 'intercept-verdict');

    await context.close();
  });

  it('an officer cannot add entries or create lists, but can test a number', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');
    await openFromNav(page, '条目');
    await page.getByPlaceholder('按值搜索（如 138 1234）').fill('+86 138 1234 5602');
    await page.getByPlaceholder('按值搜索（如 138 1234）').press('Enter');
    await page.getByRole('row').filter({ hasText: '+8613812345602' }).getByText(caseId).waitFor();
    expect(await page.getByRole('button', { name: '添加条目' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^撤销/ }).count()).toBe(0);
    await openFromNav(page, '名单');
    await page.getByRole('row').filter({ hasText: list }).waitFor();
    expect(await page.getByRole('button', { name: '新建名单' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `添加条目 ${list}` }).count()).toBe(0);

    await openFromNav(page, '研判测试');
    await page.getByLabel('值', { exact: true }).fill('+86 138-1234-5602');
    await page.getByRole('button', { name: /研\s*判/ }).click();
    const card = verdictCard(page);
    await card.getByLabel('处置').filter({ hasText: '拦截' }).waitFor();
    await card.getByText(caseId).waitFor();

    await page.getByLabel('值', { exact: true }).fill('13900000000');
    await page.getByRole('button', { name: /研\s*判/ }).click();
    await card.getByLabel('处置').filter({ hasText: '未命中' }).waitFor();
    await screenshot(page, 'intercept-officer-pass');
    await context.close();
  });

  it('the analyst withdraws an entry with a reason; its history says why and the tester lets it pass', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-analyst');
    await page.goto(`/intercept/entries?list=${list}&q=13812345601`);
    const row = page.getByRole('row').filter({ hasText: '+8613812345601' });
    await row.getByRole('button', { name: '撤销 +8613812345601' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('撤销事由').fill('经核实为误报');
    await dialog.getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByText('已撤销', { exact: true }).waitFor();
    await row.waitFor({ state: 'detached' });

    await screenUntil(page, 'number', '+8613812345601', '未命中');
    const history = await page.request.get('/api/v1/intel/history?value=%2B8613812345601');
    expect((await history.json()).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ op: 'remove', reason: '经核实为误报', list })]),
    );
    await context.close();
  });

  it('an auditor has no intercept pages', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-auditor');
    await navItem(page, '审计日志').waitFor();
    expect(await navItem(page, '条目').count()).toBe(0);
    await page.goto('/intercept/entries');
    await page.getByText('没有访问权限').waitFor();
    await context.close();
  });
});
