import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navItem, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('units page', () => {
  it('a county officer sees only his county', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'xuanwu-officer');
    // An officer has no user management and no audit log.
    await openFromNav(page, '单位');
    await expect.poll(() => navItem(page, '用户').count()).toBe(0);
    await expect.poll(() => navItem(page, '审计日志').count()).toBe(0);

    const tree = page.getByRole('tree');
    await tree.getByText('玄武区').waitFor();
    // His county is the root; no parent and no neighbouring county is listed.
    expect(await tree.getByRole('treeitem').first().textContent()).toContain('玄武区');
    for (const other of ['南京市', '江苏省', '秦淮区', '鼓楼区'])
      expect(await tree.getByText(other).count()).toBe(0);
    await page.getByText(/^共 \d+ 个单位$/).waitFor();
    await screenshot(page, 'units-county');

    // Typing the address of an admin page shows a refusal, not the page.
    await page.goto('/system/users');
    await page.getByText('没有访问权限').waitFor();
    await context.close();
  });

  it('the province admin sees the whole tree and can search it', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-admin');
    await openFromNav(page, '单位');
    const tree = page.getByRole('tree');
    await tree.getByText('江苏省').waitFor();
    for (const city of ['南京市', '苏州市', '徐州市', '连云港市']) await tree.getByText(city).waitFor();
    // A province opens to its cities; a city opens with a click.
    expect(await tree.getByText('玄武区').count()).toBe(0);
    await tree.getByText('南京市').click();
    await tree.getByText('玄武区').waitFor();
    const count = Number((await page.getByText(/^共 \d+ 个单位$/).textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(100);
    await screenshot(page, 'units-province');

    await page.getByPlaceholder('按名称或代码搜索').fill('虎丘');
    await tree.getByText('苏州市').waitFor();
    await expect.poll(() => tree.getByText('南京市').count()).toBe(0);
    await page.getByText('匹配 1 个').waitFor();

    await page.getByPlaceholder('按名称或代码搜索').fill('320102');
    await tree.getByText('玄武区').waitFor();
    await expect.poll(() => tree.getByText('苏州市').count()).toBe(0);
    await context.close();
  });
});
