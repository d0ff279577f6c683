import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';
import { pickOption, seedList, uniqueName } from './support/intercept.ts';

let browser: Browser;
let session: { context: BrowserContext; page: Page };
const list = uniqueName('e2e-import');
const title = `E2E导入${list.slice(-4)}`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function csvFile(name: string, rows: string[]): string {
  const path = join(tmpdir(), `${list}-${name}`);
  writeFileSync(
    path,
    ['value,action,confidence,source_kind,source_id,expires_at,reason', ...rows, ''].join('\n'),
  );
  return path;
}

/** 导入导出 → pick the list, choose the file, start; returns once the import has finished. */
async function importFile(page: Page, path: string): Promise<void> {
  await openFromNav(page, '导入导出');
  await pickOption(page, page, '导入到名单', title);
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: /开始导入/ }).click();
}

async function entryCount(page: Page): Promise<string | null> {
  await page.goto('/intercept/lists');
  return page.getByRole('row').filter({ hasText: list }).getByRole('cell').nth(3).textContent();
}

describe('intercept: import', () => {
  it('a small CSV is imported with a progress bar, then listed', async () => {
    session = await newSession(browser);
    await login(session.page, 'province-analyst');
    await seedList(session.context, { name: list, title, values: [], caseId: '' });
    const { page } = session;
    const rows = Array.from(
      { length: 300 },
      (_, i) => `+86 137 0000 ${String(i).padStart(4, '0')},block,90,case,A-IMP-1,,导入测试`,
    );
    await importFile(page, csvFile('good.csv', rows));
    // Upload, then processing: a progress bar is shown until the result.
    await page.getByRole('progressbar').first().waitFor();
    await page.getByText('导入成功，新增或更新 300 条').waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-success');
    await page.getByRole('row').filter({ hasText: list }).getByText('成功').waitFor();
    expect(await entryCount(page)).toBe('300');

    // What was imported can be exported again.
    await openFromNav(page, '导入导出');
    await pickOption(page, page, '选择要导出的名单', title);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /CSV$/ }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain('+8613700000299');
    expect(exported.trim().split('\n').length).toBe(301);
  });

  it('a CSV with a bad row shows its line number and imports nothing', async () => {
    const { page } = session;
    const rows = [
      '+86 137 1111 0001,block,90,case,A-IMP-2,,',
      '12,block,90,case,A-IMP-2,,',
      '+86 137 1111 0003,block,90,case,A-IMP-2,,',
    ];
    await importFile(page, csvFile('bad.csv', rows));
    const alert = page.getByRole('alert').filter({ hasText: '导入失败' });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText('本次导入未做任何更改，名单保持原样。请修改后重新导入。').waitFor();
    // The header is line 1, so the bad value "12" is on line 3.
    const bad = page.getByRole('table', { name: '错误行' }).getByRole('row').filter({ hasText: 'too_short' });
    await bad.getByRole('cell', { name: '3', exact: true }).waitFor();
    await screenshot(page, 'import-bad-row');
    expect(await entryCount(page)).toBe('300');
  });
});
