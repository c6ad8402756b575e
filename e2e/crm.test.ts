import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../src/testing/test-server.ts';

// The CRM screens end to end: customers (with server-side NIP validation), contacts, sites,
// the timeline, the diacritic-insensitive global search and the regions map.
const tmpDir = fileURLToPath(new URL('../.tmp/', import.meta.url));
const screenshotPath = (name: string) => fileURLToPath(new URL(`../.tmp/${name}`, import.meta.url));

// Two squares in central Warsaw, as an admin would import them.
const regionsFile = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'E2E Północ' },
      geometry: { type: 'Polygon', coordinates: [[[20.95, 52.235], [21.07, 52.235], [21.07, 52.3], [20.95, 52.3], [20.95, 52.235]]] },
    },
    {
      type: 'Feature',
      properties: { name: 'E2E Południe' },
      geometry: { type: 'Polygon', coordinates: [[[20.95, 52.17], [21.07, 52.17], [21.07, 52.235], [20.95, 52.235], [20.95, 52.17]]] },
    },
  ],
};

describe.runIf(existsSync(chromiumPath))('[browser] crm', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;

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

  async function openPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  const onPath = (pathname: string) => (url: URL) => url.pathname === pathname;

  // Full-page shots from the top, so the sticky top bar is where it belongs.
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
  }
  const onCustomerPage = (url: URL) => /^\/customers\/[^/]+$/.test(url.pathname);

  async function logIn(page: Page): Promise<void> {
    await page.goto(new URL('/login', server.baseUrl).href);
    await page.getByTestId('login-email').fill(server.demo.email);
    await page.getByTestId('login-password').fill(server.demo.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(onPath('/customers'));
  }

  it('creates a customer, fills its card, finds it without diacritics and shows the regions map', async () => {
    const page = await openPage();
    const companyName = 'Chłodnictwo Żółkiewski i Syn';
    await logIn(page);
    await page.getByTestId('customers-page').waitFor();

    // A wrong NIP is refused by the server and explained next to the field.
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-company-name').fill(companyName);
    const nip = page.getByTestId('customer-nip');
    await nip.fill('1234567890');
    await page.getByTestId('customer-submit').click();
    await expect.poll(() => nip.getAttribute('aria-invalid')).toBe('true');
    const nipMessageId = await nip.getAttribute('aria-describedby');
    expect(nipMessageId).toBeTruthy();
    const nipMessage = page.locator(`[id="${nipMessageId}"]`);
    expect(await nipMessage.getAttribute('class')).toContain('field-error');
    expect(await nipMessage.textContent()).toContain('NIP');
    expect(new URL(page.url()).pathname).toBe('/customers');

    // Corrected, it saves and the new customer's card opens.
    await nip.fill('5261040828');
    await page.getByTestId('customer-submit').click();
    await page.waitForURL(onCustomerPage);
    const customerPath = new URL(page.url()).pathname;
    const customerId = customerPath.split('/').pop() ?? '';
    expect(await page.getByTestId('customer-name').textContent()).toBe(companyName);
    expect(await page.getByTestId('customer-nip-value').textContent()).toBe('526-104-08-28');

    // A contact with a phone number as people type it.
    await page.getByTestId('customer-tab-contacts').click();
    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-first-name').fill('Jan');
    await page.getByTestId('contact-last-name').fill('Kowalski');
    await page.getByTestId('contact-role').fill('Kierownik techniczny');
    await page.getByTestId('contact-phone-0').fill('600 100 200');
    await page.getByTestId('contact-submit').click();
    const contactCard = page.getByTestId('contact-card').filter({ hasText: 'Jan Kowalski' });
    await contactCard.waitFor();
    expect(await contactCard.getByTestId('contact-phone').textContent()).toContain('600 100 200');

    // A site.
    await page.getByTestId('customer-tab-sites').click();
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-street').fill('Marszałkowska');
    await page.getByTestId('site-building').fill('100');
    await page.getByTestId('site-flat').fill('5');
    await page.getByTestId('site-postal-code').fill('00-026');
    await page.getByTestId('site-city').fill('Warszawa');
    await page.getByTestId('site-access-notes').fill('Wejście od podwórza, kod 1234');
    await page.getByTestId('site-submit').click();
    const siteCard = page.getByTestId('site-card').filter({ hasText: 'Marszałkowska 100/5' });
    await siteCard.waitFor();
    expect(await siteCard.getByTestId('site-address').textContent()).toContain('00-026 Warszawa');

    // A note lands at the top of the timeline.
    await page.getByTestId('customer-tab-timeline').click();
    const noteText = `Przegląd przed sezonem — klient prosi o termin przed 10:00 (${Date.now()})`;
    await page.getByTestId('composer-note-body').fill(noteText);
    await page.getByTestId('composer-submit').click();
    const firstEntry = page.getByTestId('timeline-item').first();
    await expect.poll(async () => (await firstEntry.textContent()) ?? '').toContain(noteText);
    expect(await firstEntry.getAttribute('data-kind')).toBe('note');
    await screenshot(page, 'e2e-customer.png');

    // The list shows the customer with its NIP formatted.
    await page.getByTestId('nav-customers').click();
    await page.waitForURL(onPath('/customers'));
    await page.getByTestId('customers-row').first().waitFor();
    await screenshot(page, 'e2e-customers.png');
    await page.getByTestId('customers-search').fill('Żółkiewski');
    const row = page.locator(`[data-testid="customers-row"][data-customer-id="${customerId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('526-104-08-28');

    // The global search finds it when typed without Polish letters, and Enter opens it.
    await page.getByTestId('nav-regions').click();
    await page.waitForURL(onPath('/regions'));
    const search = page.getByTestId('global-search-input');
    await search.fill('Chlodnictwo Zolkiewski');
    const hit = page.locator(`[data-testid="global-search-hit"][data-type="customer"][data-customer-id="${customerId}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(companyName);
    await hit.hover();
    await search.press('Enter');
    await page.waitForURL(onPath(customerPath));
    await page.getByTestId('customer-name').waitFor();

    // Regions: an admin imports boundaries; the map draws them as SVG paths with labels.
    await page.getByTestId('nav-regions').click();
    await page.waitForURL(onPath('/regions'));
    await page.getByTestId('regions-import-open').click();
    await page.getByTestId('regions-import-file').setInputFiles({
      name: 'rejony.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(regionsFile)),
    });
    await page.getByTestId('regions-import-submit').click();
    await page.getByTestId('regions-import-result').waitFor();
    const region = page.getByTestId('region-item').filter({ hasText: 'E2E Północ' });
    await region.waitFor();
    const paths = page.getByTestId('regions-map').locator('path.leaflet-interactive');
    await expect.poll(() => paths.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.region-label').filter({ hasText: 'E2E Północ' }).count()).toBe(1);
    // No tile server unless configured, and no broken marker images.
    expect(await page.locator('img.leaflet-tile, img.leaflet-marker-icon').count()).toBe(0);
    await screenshot(page, 'e2e-regions.png');
    await region.click();
    expect(await region.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.region-label-selected').textContent()).toContain('E2E Północ');

    // A technician's phone: the customer card fits 390 px without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL(customerPath, server.baseUrl).href);
    await page.getByTestId('timeline-item').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'e2e-customer-phone.png');
  }, 90_000);
});
