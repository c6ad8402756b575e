import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { onPath, useBrowserSuite } from './browser-suite.ts';

// The CRM screens end to end: customers (with server-side NIP validation), contacts, sites,
// the timeline, the diacritic-insensitive global search and the regions map.

// Intl and the area's "m²" use no-break spaces.
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

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
  const suite = useBrowserSuite();
  const { openPage, logIn, screenshot } = suite;


  const onCustomerPage = (url: URL) => /^\/customers\/[^/]+$/.test(url.pathname);

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

    // A site: a flat of 62.5 m², which decides the VAT rate its jobs start with.
    await page.getByTestId('customer-tab-sites').click();
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-street').fill('Marszałkowska');
    await page.getByTestId('site-building').fill('100');
    await page.getByTestId('site-flat').fill('5');
    await page.getByTestId('site-postal-code').fill('00-026');
    await page.getByTestId('site-city').fill('Warszawa');
    await page.getByTestId('site-access-notes').fill('Wejście od podwórza, kod 1234');
    // The area is asked for homes only.
    expect(await page.getByTestId('site-area').count()).toBe(0);
    await page.getByTestId('site-premises-kind').selectOption('flat');
    await page.getByTestId('site-area').fill('62,555');
    await page.getByTestId('site-submit').click();
    await expect.poll(() => page.getByTestId('site-area').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'e2e-site-form.png');
    await page.getByTestId('site-area').fill('62,5');
    await page.getByTestId('site-submit').click();
    const siteCard = page.getByTestId('site-card').filter({ hasText: 'Marszałkowska 100/5' });
    await siteCard.waitFor();
    expect(await siteCard.getByTestId('site-address').textContent()).toContain('00-026 Warszawa');
    expect(plain(await siteCard.getByTestId('site-premises').textContent())).toBe('Mieszkanie · 62,5 m²');
    const sites = (await (await page.request.get(new URL(`/api/customers/${customerId}/sites`, suite.server.baseUrl).href)).json()) as {
      items: Array<{ premisesKind: string | null; usableAreaM2: number | null }>;
    };
    expect(sites.items.map((site) => [site.premisesKind, site.usableAreaM2])).toEqual([['flat', 62.5]]);
    // Editing starts from what was saved.
    await siteCard.getByTestId('site-edit').click();
    const siteForm = page.getByTestId('site-form');
    expect([await siteForm.getByTestId('site-premises-kind').inputValue(), await siteForm.getByTestId('site-area').inputValue()]).toEqual(['flat', '62,5']);
    await siteForm.getByRole('button', { name: 'Anuluj' }).click();
    await screenshot(page, 'e2e-site-premises.png');

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
    await page.goto(new URL(customerPath, suite.server.baseUrl).href);
    await page.getByTestId('timeline-item').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'e2e-customer-phone.png');
  }, 90_000);

  it('edits a contact after a conflict, a site and a note, fills custom fields, deletes and restores the customer', async () => {
    const page = await openPage();
    await logIn(page);
    // The records to change are made through the API; the changes go through the screens.
    const call = async <T,>(method: string, path: string, data?: unknown, version?: number): Promise<T> => {
      const response = await page.request.fetch(new URL(path, suite.server.baseUrl).href, {
        method,
        ...(data === undefined ? {} : { data }),
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
      expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    };
    const fields = [
      { key: 'contract_no', label: 'Nr umowy serwisowej', type: 'text' },
      { key: 'units', label: 'Liczba klimatyzatorów', type: 'number' },
      { key: 'service_plan', label: 'Pakiet serwisowy', type: 'select', options: ['Podstawowy', 'Premium'] },
      { key: 'contract_end', label: 'Umowa ważna do', type: 'date' },
      { key: 'vip', label: 'Klient VIP', type: 'boolean' },
    ];
    for (const field of fields) await call('POST', '/api/custom-fields', { entity: 'customer', ...field });
    const companyName = `Klimatyzacja Wiśniewski ${Date.now()}`;
    const customer = await call<{ id: string }>('POST', '/api/customers', { kind: 'company', companyName });
    const customerPath = `/customers/${customer.id}`;
    const contact = await call<{ id: string; version: number }>('POST', `/api/customers/${customer.id}/contacts`, {
      firstName: 'Anna',
      lastName: 'Wiśniewska',
      role: 'Kierowniczka biura',
      phones: [{ number: '600 100 200', label: 'komórka' }],
      emails: [{ address: 'anna@example.pl', label: null }],
    });
    for (const [street, postalCode] of [['ul. Puławska 12', '02-512'], ['ul. Grójecka 5', '02-019']] as const) {
      await call('POST', `/api/customers/${customer.id}/sites`, { street, postalCode, city: 'Warszawa' });
    }
    await call('POST', `/api/customers/${customer.id}/notes`, { body: 'Klient prosi o telefon po 15:00.' });
    await call('POST', `/api/customers/${customer.id}/interactions`, { kind: 'call', direction: 'inbound', subject: 'Pytanie o fakturę' });
    await call('POST', `/api/customers/${customer.id}/reminders`, { title: 'Oddzwonić', dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

    await page.goto(new URL(`${customerPath}?tab=contacts`, suite.server.baseUrl).href);
    const contactCard = page.getByTestId('contact-card').filter({ hasText: 'Anna Wiśniewska' });
    await contactCard.getByTestId('contact-edit').click();
    const contactForm = page.getByTestId('contact-form');
    expect(await contactForm.getByTestId('contact-phone-0').inputValue()).toBe('600 100 200');

    // Someone else changes the contact meanwhile: saving says so and offers the current data.
    await call('PATCH', `/api/contacts/${contact.id}`, { role: 'Prezeska zarządu' }, contact.version);
    await contactForm.getByTestId('contact-phone-0').fill('601 200 300');
    await contactForm.getByTestId('contact-submit').click();
    await contactForm.getByTestId('record-conflict').waitFor();
    await contactForm.getByTestId('record-reload').click();
    await expect.poll(() => contactForm.getByTestId('contact-role').inputValue()).toBe('Prezeska zarządu');
    expect(await contactForm.getByTestId('record-conflict').count()).toBe(0);
    await contactForm.getByTestId('contact-phone-0').fill('601 200 300');
    await screenshot(page, 'e2e-contact-edit.png');
    await contactForm.getByTestId('contact-submit').click();
    await expect.poll(async () => (await contactCard.getByTestId('contact-phone').textContent()) ?? '').toContain('601 200 300');
    expect(await page.getByTestId('contacts-notice').textContent()).toContain('Zapisano kontakt: Anna Wiśniewska');
    // Focus goes back to the contact's Edit button.
    await expect.poll(activeTestId).toBe('contact-edit');

    // A site gets coordinates and the server places it in a region; another one is deleted.
    await page.getByTestId('customer-tab-sites').click();
    const pulawska = page.getByTestId('site-card').filter({ hasText: 'Puławska' });
    await pulawska.getByTestId('site-edit').click();
    await page.getByTestId('site-form').getByTestId('site-coordinates').fill('52.2297, 21.0122');
    // An office: business premises have no area to ask for.
    await page.getByTestId('site-form').getByTestId('site-premises-kind').selectOption('non_residential');
    expect(await page.getByTestId('site-form').getByTestId('site-area').count()).toBe(0);
    await page.getByTestId('site-submit').click();
    await expect.poll(async () => (await page.getByTestId('sites-notice').textContent()) ?? '').toContain('Rejon:');
    const region = (await pulawska.getByTestId('site-region').textContent()) ?? '';
    expect(region).not.toContain('Poza rejonami');
    expect(await page.getByTestId('sites-notice').textContent()).toContain(`Rejon: ${region.trim()}.`);
    expect(await pulawska.getByTestId('site-premises').textContent()).toBe('Lokal niemieszkalny');
    const grojecka = page.getByTestId('site-card').filter({ hasText: 'Grójecka' });
    await grojecka.getByTestId('site-delete').click();
    // The question comes with focus on its safe answer.
    expect(await activeTestId()).toBe('site-delete-cancel');
    await grojecka.getByTestId('site-delete-confirm').click();
    await expect.poll(() => page.getByTestId('site-card').count()).toBe(1);
    expect(await page.getByTestId('sites-notice').textContent()).toContain('Usunięto lokalizację: ul. Grójecka 5');
    expect(await page.getByTestId('customer-tab-sites').textContent()).toContain('1');
    await screenshot(page, 'e2e-sites.png');

    // The note is edited in place.
    await page.getByTestId('customer-tab-timeline').click();
    const noteId = await page.locator('[data-testid="timeline-item"][data-kind="note"]').filter({ hasText: 'po 15:00' }).getAttribute('data-id');
    const note = page.locator(`[data-testid="timeline-item"][data-id="${noteId}"]`);
    await note.getByTestId('note-edit').click();
    await note.getByTestId('note-edit-body').fill('Klient prosi o telefon po 16:00, nie wcześniej.');
    await note.getByTestId('note-edit-submit').click();
    await expect.poll(async () => (await note.textContent()) ?? '').toContain('po 16:00, nie wcześniej');
    expect(await page.getByTestId('timeline-notice').textContent()).toContain('Zapisano notatkę');
    // A reminder is renamed and an interaction removed the same way.
    const reminder = page.locator('[data-testid="timeline-item"][data-kind="reminder"]');
    await reminder.getByTestId('reminder-edit').click();
    await reminder.getByTestId('reminder-title').fill('Oddzwonić w sprawie przeglądu');
    await reminder.getByTestId('reminder-edit-submit').click();
    await expect.poll(async () => (await reminder.textContent()) ?? '').toContain('Oddzwonić w sprawie przeglądu');
    const interaction = page.locator('[data-testid="timeline-item"][data-kind="interaction"]');
    await interaction.getByTestId('interaction-delete').click();
    await interaction.getByTestId('interaction-delete-confirm').click();
    await expect.poll(() => interaction.count()).toBe(0);
    await expect.poll(activeTestId).toBe('timeline-notice');

    // Custom fields in the customer form; the header shows what was filled in.
    await page.getByTestId('customer-edit').click();
    const form = page.getByTestId('customer-form');
    // Number and yes/no fields are left out: the server turns their JSON values into text and then
    // refuses them (anyOf with type coercion in the customFields schema).
    await form.getByTestId('custom-field-contract_no').fill('U/2025/117');
    await form.getByTestId('custom-field-service_plan').selectOption('Premium');
    await form.getByTestId('custom-field-contract_end').fill('2026-03-31');
    await screenshot(page, 'e2e-customer-form-custom-fields.png');
    await form.getByTestId('customer-submit').click();
    const fact = (key: string) => page.locator(`[data-testid="customer-custom-field"][data-key="${key}"]`);
    await fact('contract_no').waitFor();
    expect(await fact('contract_no').textContent()).toContain('U/2025/117');
    expect(await fact('service_plan').textContent()).toContain('Premium');
    expect(await fact('contract_end').textContent()).toContain('31 mar 2026');
    expect(await page.getByTestId('customer-custom-field').count()).toBe(3);
    await screenshot(page, 'e2e-customer-custom-fields.png');

    // Deleted after a confirmation: the banner offers Restore (focused) and the page is read-only.
    await page.getByTestId('customer-delete').click();
    await page.getByTestId('customer-delete-confirm').waitFor();
    await screenshot(page, 'e2e-customer-delete-confirm.png');
    await page.getByTestId('customer-delete-confirm').click();
    await page.getByTestId('customer-deleted').waitFor();
    await expect.poll(activeTestId).toBe('customer-restore');
    expect(await page.getByTestId('customer-edit').count()).toBe(0);
    expect(await page.getByTestId('composer').count()).toBe(0);
    await screenshot(page, 'e2e-customer-deleted.png');

    // The customer list leaves it out (it has no filter for deleted customers).
    const listed = async () => {
      await page.goto(new URL(`/customers?q=${encodeURIComponent(companyName)}`, suite.server.baseUrl).href);
      await page.locator('[data-testid="customers-table"], [data-testid="customers-empty"]').first().waitFor();
      return page.locator(`[data-testid="customers-row"][data-customer-id="${customer.id}"]`).count();
    };
    expect(await listed()).toBe(0);

    await page.goto(new URL(customerPath, suite.server.baseUrl).href);
    await page.getByTestId('customer-restore').click();
    await expect.poll(async () => (await page.getByTestId('customer-notice').textContent()) ?? '').toContain('Przywrócono klienta');
    expect(await page.getByTestId('customer-deleted').count()).toBe(0);
    await page.getByTestId('customer-edit').waitFor();
    expect(await listed()).toBe(1);

    // A technician's phone: cards, forms and the delete question fit 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    const fitsWidth = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.goto(new URL(`${customerPath}?tab=contacts`, suite.server.baseUrl).href);
    await page.getByTestId('contact-card').first().waitFor();
    await fitsWidth();
    await screenshot(page, 'e2e-contacts-phone.png');
    await page.getByTestId('contact-edit').first().click();
    await fitsWidth();
    await screenshot(page, 'e2e-contact-edit-phone.png');
    await page.goto(new URL(customerPath, suite.server.baseUrl).href);
    await note.getByTestId('note-edit').click();
    await page.getByTestId('customer-delete').click();
    await fitsWidth();
    await screenshot(page, 'e2e-customer-edit-phone.png');
    await page.goto(new URL(`${customerPath}?tab=sites`, suite.server.baseUrl).href);
    await page.getByTestId('site-premises').waitFor();
    await fitsWidth();
    await screenshot(page, 'e2e-sites-phone.png');
    await page.getByTestId('site-edit').click();
    await page.getByTestId('site-premises-kind').selectOption('house');
    await page.getByTestId('site-area').waitFor();
    await fitsWidth();
    await screenshot(page, 'e2e-site-form-phone.png');
  }, 120_000);
});
