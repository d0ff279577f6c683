import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navItem, newSession, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login page', () => {
  it('shows a Chinese error for a wrong password and stays on the login page', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill('xuanwu-officer');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await screenshot(page, 'login-error');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('shows the rate-limit message when the platform answers too_many_attempts', async () => {
    // The real limiter counts failures per client address too, so a real lock-out would block every
    // later test; the console only needs to react to the code, which a routed answer shows.
    const { context, page } = await newSession(browser);
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Too many',
          status: 429,
          code: 'too_many_attempts',
        }),
      }),
    );
    await page.goto('/login');
    await page.getByLabel('用户名').fill('xuanwu-officer');
    await page.getByLabel('密码').fill('whatever');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '登录尝试过多，请稍后再试' }).waitFor();
    await context.close();
  });

  it('signs in, greets the user with their unit, and signs out', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'nanjing-analyst');
    await page.getByRole('heading', { name: '演示南京市研判员，您好' }).waitFor();
    await expect.poll(() => page.getByText('南京市（320100）').count()).toBe(1);
    await screenshot(page, 'home');

    await page.getByRole('button', { name: '演示南京市研判员' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    // The session is gone on the server too: a deep link leads back to the login page.
    await page.goto('/system/units');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});

describe('session', () => {
  it('sends the user to the login page when the session ends, and back afterwards', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-auditor');
    await page.getByRole('heading', { name: /您好$/ }).waitFor();
    await context.clearCookies();
    await navItem(page, '审计日志').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await login(page, 'province-auditor');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/system/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await context.close();
  });
});

describe('language switch', () => {
  it('switches to English and back, and remembers the choice', async () => {
    const { context, page } = await newSession(browser);
    await login(page, 'province-officer');
    await navItem(page, '预警劝阻').waitFor();

    await page.getByText('English', { exact: true }).click();
    await navItem(page, 'Warnings').waitFor();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await screenshot(page, 'home-en');

    await page.reload();
    await navItem(page, 'Warnings').waitFor();

    await page.getByText('中文', { exact: true }).click();
    await navItem(page, '预警劝阻').waitFor();
    await page.getByRole('heading', { name: /您好$/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });
});
