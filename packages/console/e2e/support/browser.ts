/**
 * Debian's Chromium driven by playwright-core, and the few steps every browser test shares.
 * Locators go by role and visible text, as a person would find things.
 */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromiumPath } from './chromium.ts';

export const DEMO_PASSWORD = 'fanzha-demo';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function baseURL(): string {
  return inject('baseURL');
}

/** A fresh browser profile (no cookies, no saved language) with a desktop-sized window. */
export async function newSession(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Signs in through the login page and waits for the workbench (or the page the user came from). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login');
}

/** The side navigation. */
export function sideNav(page: Page): Locator {
  return page.getByRole('menu').first();
}

/** A navigation entry by its label (its accessible name also carries the icon's name). */
export function navItem(page: Page, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sideNav(page).getByRole('menuitem', { name: new RegExp(`(^|\\s)${escaped}$`) });
}

/** Opens a page from the side navigation, as a person would. */
export async function openFromNav(page: Page, label: string): Promise<void> {
  await navItem(page, label).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/fanzha-console-${name}.png`, fullPage: true, animations: 'disabled' });
}
