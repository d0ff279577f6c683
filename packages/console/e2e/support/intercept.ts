/**
 * Steps the intercept browser tests share: creating a list and adding entries as an analyst would,
 * and reading the screening tester's verdict. Everything goes through the console's pages.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A list name unique to this run, so test files never see each other's lists. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/**
 * Picks an option of an antd Select (found by its label) by the option's visible text, in that
 * select's own dropdown: another select's dropdown may still be fading out with the same option in it.
 * The dropdown can also close under the pointer while it opens (seen in CI: the option found, "not
 * stable", then "not visible" for good), so a pick that does not land within 5 s opens it again.
 */
export async function pickOption(page: Page, scope: Locator | Page, label: string, option: string | RegExp) {
  const select = scope.getByLabel(label, { exact: true });
  const listId = `${await select.getAttribute('id')}_list`;
  const choice = page
    .locator('.ant-select-dropdown:visible')
    .filter({ has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option')
    .filter({ hasText: option })
    .first();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await choice.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** 名单 → 新建名单, as the analyst. */
export async function createList(page: Page, name: string, title: string): Promise<void> {
  await page.goto('/intercept/lists');
  await page.getByRole('button', { name: '新建名单' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill(title);
  await dialog.getByLabel('标识').fill(name);
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await page.getByText(`已创建名单 ${title}`).waitFor();
  await page.getByRole('row').filter({ hasText: name }).waitFor();
}

/** 名单 → 添加条目 on a list's row, with values one per line and a case as their source. */
export async function addEntries(
  page: Page,
  list: string,
  values: string[],
  caseId: string,
): Promise<Locator> {
  await page.goto('/intercept/lists');
  await page.getByRole('button', { name: `添加条目 ${list}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('值（每行一个）').fill(values.join('\n'));
  await pickOption(page, dialog, '来源类型', '案件');
  await dialog.getByLabel('来源编号').fill(caseId);
  await dialog.getByRole('button', { name: /添\s*加/ }).click();
  return dialog;
}

/** The tester's verdict card. */
export function verdictCard(page: Page): Locator {
  return page.getByRole('region', { name: '研判结果' });
}

/**
 * Screens a value in the tester until the verdict shows `action` (a change reaches the screening
 * index within a second, so the first answer right after a change may still be the old one).
 */
export async function screenUntil(page: Page, kind: string, value: string, action: string): Promise<Locator> {
  const url = `/intercept/screen?kind=${kind}&value=${encodeURIComponent(value)}`;
  const here = new URL(page.url());
  if (here.pathname + here.search !== url) await page.goto(url);
  const card = verdictCard(page);
  await expect
    .poll(async () => {
      const shown = (await card.count()) > 0 ? await card.getByLabel('处置').first().textContent() : null;
      if (shown !== action) await page.getByRole('button', { name: /研\s*判/ }).click();
      return shown;
    })
    .toBe(action);
  return card;
}

/**
 * Creates a list with entries through the API with the signed-in analyst's session, for tests whose
 * subject is what happens next (the list and entry pages have their own tests).
 */
export async function seedList(
  context: BrowserContext,
  list: { name: string; title: string; values: string[]; caseId: string },
): Promise<void> {
  const created = await context.request.post('/api/v1/intel/lists', {
    data: { name: list.name, title: list.title, kind: 'number', defaultAction: 'block' },
  });
  expect(created.status()).toBe(201);
  if (list.values.length === 0) return;
  const added = await context.request.post(`/api/v1/intel/lists/${list.name}/entries`, {
    data: {
      entries: list.values.map((value) => ({ value, source: { kind: 'case', id: list.caseId } })),
    },
  });
  expect(added.status()).toBe(200);
}
