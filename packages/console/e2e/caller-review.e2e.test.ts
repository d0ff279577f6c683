import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, session } from './support/api.ts';
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

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A GOIP-like hour: 60 unanswered calls to strangers on rotating handsets, then a later call closes the window. */
function cdrs(number: string): string {
  const hour = 3_600_000;
  const start = Math.floor(Date.now() / hour) * hour - 2 * hour;
  const calls = Array.from({ length: 60 }, (_, i) => ({
    caller: number,
    callee: `1390000${String(1000 + i)}`,
    start: start + i * 60_000,
    duration: 0,
    direction: 'outbound',
    cell: '460-00-12345-1',
    imei: `86000000000000${i % 8}`,
  }));
  const later = { ...calls[0]!, caller: '13800001234', start: start + hour + 5 * 60_000, duration: 60 };
  return [...calls, later].map((record) => JSON.stringify(record)).join('\n');
}

describe('intercept: caller review', () => {
  it('a carrier’s CDRs raise a SIM-box-like number; the analyst allows it with a reason; an auditor has no page', async () => {
    const run = String(Date.now()).slice(-8);
    const number = `170${run}`;
    const admin = await session('province-admin');
    const { key } = (await api(admin, 'POST', '/api/v1/api-keys', {
      name: `某运营商话单-${run}`,
      scopes: ['cdr'],
    })) as { key: string };
    // A new key reaches the partner paths within seconds.
    await expect
      .poll(
        async () =>
          (
            await fetch(`${baseURL()}/api/v1/partner/cdrs?format=ndjson`, {
              method: 'POST',
              headers: { 'x-api-key': key, 'content-type': 'application/x-ndjson' },
              body: cdrs(number),
            })
          ).status,
        { timeout: 15_000 },
      )
      .toBe(202);

    const { page, context } = await newSession(browser);
    await login(page, 'province-analyst');
    await openFromNav(page, '呼叫行为复核');
    const row = page.getByRole('row').filter({ hasText: `+86${number}` });
    // The stream takes the records a moment after the post: reload until the number is there.
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.waitFor({ timeout: 3_000 }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await row.getByText('呼叫量大').waitFor();
    await row.getByText('频繁换机（IMEI）').waitFor();
    await row.getByText('60 次呼叫', { exact: false }).waitFor();
    await screenshot(page, 'caller-review-queue');

    await row.getByRole('button', { name: `放行 +86${number}` }).click();
    const deciding = page.getByRole('dialog');
    await deciding.getByText('caller-behaviour-allow', { exact: false }).waitFor();
    await deciding.getByLabel('处理理由').fill('核实为物流公司外呼线路');
    await deciding.getByRole('button', { name: /放\s*行/ }).click();
    await page.getByText(`已放行 +86${number}`).waitFor();
    await page.getByRole('tab', { name: '已放行' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: `+86${number}` })
      .getByText('核实为物流公司外呼线路')
      .waitFor();
    await context.close();

    const auditor = await newSession(browser);
    await login(auditor.page, 'province-auditor');
    await navItem(auditor.page, '审计日志').waitFor();
    expect(await navItem(auditor.page, '呼叫行为复核').count()).toBe(0);
    await auditor.context.close();
  });
});
