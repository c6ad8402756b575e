import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../src/testing/test-server.ts';

// Debian's Chromium; playwright-core downloads no browser. Without it the suite title still
// shows "[browser]" in the report, so a machine that cannot run it is visible, not silent.
// web/dist is built (when stale) by the global test setup; the test server serves it.
const screenshotPath = fileURLToPath(new URL('../.tmp/e2e-users.png', import.meta.url));

describe.runIf(existsSync(chromiumPath))('[browser] login', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A fresh context per test: no cookie or stored language leaks between tests.
  async function openPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  const onPath = (pathname: string) => (url: URL) => url.pathname === pathname;

  it('logs the demo owner in, lists the tenant users and logs out', async () => {
    const page = await openPage();

    await page.goto(server.baseUrl);
    await page.waitForURL(onPath('/login'));

    await page.getByTestId('login-email').fill(server.demo.email);
    await page.getByTestId('login-password').fill(server.demo.password);
    await page.getByTestId('login-submit').click();

    // Customers are the landing page; the users list is one click away.
    await page.waitForURL(onPath('/customers'));
    await page.getByTestId('nav-users').click();
    await page.waitForURL(onPath('/users'));
    const table = page.getByTestId('users-table');
    await table.getByText(server.demo.email, { exact: true }).waitFor();
    expect(await table.getByTestId('users-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('logout-button').textContent()).toContain('Wyloguj');

    await mkdir(fileURLToPath(new URL('../.tmp/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });

    await page.getByTestId('logout-button').click();
    await page.waitForURL(onPath('/login'));
    await page.getByTestId('login-form').waitFor();

    // The session really ended: the app does not let us back in without logging in.
    await page.goto(new URL('/users', server.baseUrl).href);
    await page.waitForURL(onPath('/login'));
  });

  it('shows the server error message after a wrong password', async () => {
    const page = await openPage();

    await page.goto(new URL('/login', server.baseUrl).href);
    await page.getByTestId('login-email').fill(server.demo.email);
    await page.getByTestId('login-password').fill(`${server.demo.password}-wrong`);
    await page.getByTestId('login-submit').click();

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('app-frame').count()).toBe(0);
  });
});
