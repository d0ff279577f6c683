import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, session } from './support/api.ts';
import { residentId } from './support/people.ts';
import { baseURL, launchBrowser, login, newSession, openFromNav, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Numbers and persons of this run only (generated, never real).
const run = String(Date.now()).slice(-9);
const card = (n: number) => `9999${run}${String(n).padStart(6, '0')}`;

describe('two-card trade and joint punishment', () => {
  it('南京市 sees a seller placed by residence, dispatches him as a clue and follows the progress', async () => {
    // A case of 玄武区 paid into two cards; a bank reports both were opened by one 秦淮区 resident.
    const officer = await session('nanjing-officer');
    await api(officer, 'POST', '/api/v1/cases', {
      unitCode: '320102',
      fraudType: 'fake_police',
      victim: { name: '受害人' },
      amountLost: 80_000,
      footprints: [
        { kind: 'account', accountKind: 'bank_card', value: card(1), amount: 50_000 },
        { kind: 'account', accountKind: 'bank_card', value: card(2), amount: 30_000 },
      ],
    });
    const admin = await session('province-admin');
    const { key } = (await api(admin, 'POST', '/api/v1/api-keys', {
      name: `某银行-${run}`,
      scopes: ['cards'],
    })) as { key: string };
    const holder = { name: '王小明', idNumber: residentId('320104', Number(run)) };
    await expect
      .poll(async () => {
        const response = await fetch(`${baseURL()}/api/v1/partner/cards`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          body: JSON.stringify([
            {
              kind: 'bank_card',
              number: card(1),
              openingPlace: '某银行玄武支行',
              openingUnitCode: '320102',
              openedOn: '2026-01-02',
              holder,
            },
            {
              kind: 'bank_card',
              number: card(2),
              openingPlace: '某银行秦淮支行',
              openingUnitCode: '320104',
              openedOn: '2026-03-04',
              holder,
            },
          ]),
        });
        return response.status;
      })
      .toBe(200);

    const { page } = await newSession(browser);
    await login(page, 'nanjing-analyst');
    await openFromNav(page, '涉案卡');
    await page.getByRole('heading', { name: '涉案卡' }).waitFor();
    await page.getByLabel('卡号或号码前缀').fill(card(1));
    await page.getByLabel('卡号或号码前缀').press('Enter');
    // The unfiltered list shows both cards of the case first (in either order: one first-seen time);
    // expand a row only once the filtered list is in, or the expanded row may be card 2's and vanish.
    await expect.poll(() => page.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(1);
    await page.getByText('某银行玄武支行').waitFor();
    await page.getByText('王**').first().waitFor();
    await page
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await page.getByRole('link', { name: /^A320102/ }).waitFor();
    await screenshot(page, 'cards-list');

    await openFromNav(page, '开户地/户籍地分布');
    await page.getByRole('heading', { name: '开户地/户籍地分布' }).waitFor();
    await page.getByRole('img', { name: '涉案卡按单位和类型分布' }).waitFor();
    await page.getByRole('cell', { name: '秦淮区' }).waitFor();
    await screenshot(page, 'cards-groups');

    await openFromNav(page, '重点对象');
    await page.getByRole('heading', { name: '重点对象' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '王**' }).filter({ hasText: '秦淮区' });
    await row.getByText('贩卡 2').waitFor();
    await row.getByText('多次开卡').waitFor();
    await row.getByText('未下发').waitFor();
    await page.getByRole('button', { name: '一键下发' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将本单位所有尚未下发的重点对象各作为一条线索下发。').waitFor();
    await dialog.getByRole('button', { name: /下\s*发/ }).click();
    await page.getByText(/已下发 \d+ 条线索/).waitFor();
    await row.getByRole('link', { name: /^XS/ }).waitFor();
    await screenshot(page, 'cards-targets');

    // An officer's finding: 钱** organised 王小明's card opening.
    await page.getByRole('button', { name: '记录链条关系' }).click();
    const chainForm = page.getByRole('dialog');
    await chainForm.getByLabel('人员姓名').fill('钱组织');
    await chainForm.getByLabel('人员身份证号').fill(residentId('320102', Number(run) + 2));
    await chainForm.getByLabel('对象姓名').fill(holder.name);
    await chainForm.getByLabel('对象身份证号').fill(holder.idNumber);
    await chainForm.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已记录链条关系').waitFor();
    await row.getByRole('button', { name: /^链条/ }).click();
    const chain = page.getByRole('dialog');
    await chain.getByText('钱**').first().waitFor();
    await chain.getByRole('cell', { name: '组织开办' }).first().waitFor();
    await screenshot(page, 'cards-chain');
    await chain.getByRole('button', { name: /Close|关闭/ }).click();

    await openFromNav(page, '打击进度');
    await page.getByRole('heading', { name: '打击进度' }).waitFor();
    const qinhuai = page.getByRole('row').filter({ hasText: '秦淮区' });
    await expect.poll(() => qinhuai.getByRole('cell').nth(1).textContent()).toBe('1');
    await screenshot(page, 'cards-progress');
  });

  it('an analyst puts a person under punishment and ends it early', async () => {
    const { page } = await newSession(browser);
    await login(page, 'nanjing-analyst');
    await openFromNav(page, '联合惩戒');
    await page.getByRole('heading', { name: '联合惩戒' }).waitFor();
    await page.getByRole('button', { name: '新增惩戒' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('李贩卡');
    await dialog.getByLabel('身份证号').fill(residentId('320102', Number(run) + 1));
    await dialog.getByLabel('原因').fill('出租银行卡两张用于诈骗');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新增惩戒').waitFor();
    const rows = page.getByRole('row').filter({ hasText: '李**' });
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: '电信惩戒' }).getByText('惩戒中').waitFor();
    await screenshot(page, 'punishment-list');

    await rows.filter({ hasText: '电信惩戒' }).getByRole('button', { name: /^解除/ }).click();
    await page.getByRole('dialog').getByLabel('原因').fill('已整改，解除电信惩戒');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /解\s*除/ })
      .click();
    await page.getByText('已解除惩戒').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
  });
});
