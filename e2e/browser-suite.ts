import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer } from '../src/testing/test-server.ts';
import { launchChromium } from './browser.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const tmpDir = fileURLToPath(new URL('../.tmp/', import.meta.url));
export const screenshotPath = (name: string) => fileURLToPath(new URL(`../.tmp/${name}`, import.meta.url));
export const onPath = (pathname: string) => (url: URL) => url.pathname === pathname;

export interface BrowserSuite {
  // The running server (seeded demo tenant); read inside tests, once beforeAll has run.
  readonly server: TestServer;
  // A fresh context per call (no cookie or stored language leaks between tests), in Polish and
  // Warsaw time, closed after each test.
  openPage(width?: number, height?: number): Promise<Page>;
  logIn(page: Page): Promise<void>;
  // Full-page shots from the top, so the sticky top bar is where it belongs.
  screenshot(page: Page, name: string): Promise<void>;
}

// One server and one Chromium for the suite that calls this inside its describe().
export function useBrowserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await mkdir(tmpDir, { recursive: true });
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started (use it inside a test)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    async openPage(width = 1280, height = 800) {
      context = await started(browser).newContext({ viewport: { width, height }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    async logIn(page) {
      const { baseUrl, demo } = started(server);
      await page.goto(new URL('/login', baseUrl).href);
      await page.getByTestId('login-email').fill(demo.email);
      await page.getByTestId('login-password').fill(demo.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(onPath('/customers'));
    },
    async screenshot(page, name) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshotPath(name), fullPage: true });
    },
  };
}
