import { existsSync } from 'node:fs';
import type { Locator, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { onePixelPng, tinyPdf } from '../src/testing/sample-files.ts';
import { chromiumPath } from './browser.ts';
import { onPath, screenshotPath, useBrowserSuite } from './browser-suite.ts';

// The HVAC screens end to end: equipment on the customer page, a job opened from the board, dragged
// to a status it may take and refused one it may not, then worked on its page (checklist, priced
// lines and their totals, the customer's signature, a photo, a note), the F-gas compliance page and
// maintenance plans; at desktop and phone width.

// Intl separates thousands and the currency with no-break spaces.
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

// The demo company's jobs, equipment and KPIs make some answers take a moment.
const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe.runIf(existsSync(chromiumPath))('[browser] hvac', () => {
  const suite = useBrowserSuite();
  const { openPage, logIn, screenshot } = suite;

  const onJobPage = (url: URL) => /^\/jobs\/[^/]+$/.test(url.pathname);

  // What the screen shows: for long lists, where a full-page shot would be thousands of pixels tall.
  async function screenshotViewport(page: Page, name: string, scrolledTo?: Locator): Promise<void> {
    if (scrolledTo) await scrolledTo.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(name) });
  }

  async function fitsWidth(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  }

  // Records the screens do not need to create go through the API, with the browser's session.
  function apiOf(page: Page) {
    return async <T,>(method: string, path: string, data?: unknown): Promise<T> => {
      const response = await page.request.fetch(new URL(path, suite.server.baseUrl).href, { method, ...(data === undefined ? {} : { data }) });
      expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    };
  }

  // A real pointer drag: press on the middle of the card (clear of the sticky top bar), move over
  // the column, check how the columns look while dragging, then release.
  async function dragCard(page: Page, card: Locator, column: Locator, whileOver?: () => Promise<void>): Promise<void> {
    await card.evaluate((element) => element.scrollIntoView({ block: 'center', inline: 'nearest' }));
    const from = await card.boundingBox();
    if (!from) throw new Error('card not visible');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 4 });
    // The board scrolls sideways to the column; a long column is entered near the top of the screen.
    await column.evaluate((element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    const to = await column.boundingBox();
    const viewport = page.viewportSize();
    if (!to || !viewport) throw new Error('column not visible');
    const y = Math.min(Math.max(to.y + 60, 140), to.y + to.height - 20, viewport.height - 40);
    await page.mouse.move(to.x + to.width / 2, y, { steps: 8 });
    await whileOver?.();
    await page.mouse.up();
  }

  it('registers equipment, moves a job on the board, works it to a signed job, and shows compliance and maintenance', async () => {
    const page = await openPage();
    await logIn(page);
    const call = apiOf(page);
    const companyName = `Klimatech Nowak ${Date.now()}`;
    const customer = await call<{ id: string }>('POST', '/api/customers', { kind: 'company', companyName });
    await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Puławska', building: '12', postalCode: '02-512', city: 'Warszawa' });

    // Equipment: a split air conditioner holding enough R-410A to fall under the leak-check rules.
    await page.goto(new URL(`/customers/${customer.id}?tab=equipment`, suite.server.baseUrl).href);
    await page.getByTestId('equipment-empty').waitFor();
    await page.getByTestId('equipment-add').click();
    const form = page.getByTestId('equipment-form');
    await form.getByTestId('equipment-category').selectOption('split_ac');
    await form.getByTestId('equipment-brand').fill('Daikin');
    await form.getByTestId('equipment-model').fill('FTXM35R');
    await form.getByTestId('equipment-serialNumber').fill('E2E-001');
    await form.getByTestId('equipment-refrigerant').fill('R-410A');
    await form.getByTestId('equipment-chargeKg').fill('3,2');
    await screenshot(page, 'e2e-hvac-equipment-form.png');
    await form.getByTestId('equipment-submit').click();
    const unitCard = page.getByTestId('equipment-card').filter({ hasText: 'Daikin FTXM35R' });
    await unitCard.waitFor();
    expect(plain(await unitCard.getByTestId('equipment-refrigerant').textContent())).toContain('R-410A · 3,2 kg');
    const fgasStatus = await unitCard.getByTestId('fgas-status').getAttribute('data-status');
    expect(fgasStatus).not.toBe('not_in_scope');
    await unitCard.getByTestId('equipment-open').click();
    const detail = page.getByTestId('equipment-detail');
    await detail.getByTestId('register-empty').or(detail.getByTestId('fgas-register')).first().waitFor();
    await detail.getByTestId('equipment-upload-file').setInputFiles({ name: 'dtr-daikin.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await detail.getByTestId('equipment-attachment').filter({ hasText: 'dtr-daikin.pdf' }).waitFor();
    await screenshot(page, 'e2e-hvac-equipment.png');

    // A new job from the board: the customer found by name, its only site chosen for it, the unit picked.
    await page.getByTestId('nav-jobs').click();
    await page.waitForURL(onPath('/jobs'));
    await page.getByTestId('job-board').waitFor();
    await page.getByTestId('job-new').click();
    await page.getByTestId('job-customer-search').fill(companyName);
    await page.getByTestId('job-customer-option').filter({ hasText: companyName }).click();
    await poll(() => page.getByTestId('job-site').inputValue()).not.toBe('');
    await poll(() => page.getByTestId('job-equipment').locator('option').count()).toBe(2);
    await page.getByTestId('job-equipment').selectOption({ index: 1 });
    await page.getByTestId('job-type').selectOption('repair');
    await page.getByTestId('job-description').fill('Klimatyzator nie chłodzi, na wyświetlaczu błąd U4.');
    await screenshot(page, 'e2e-hvac-job-form.png');
    await page.getByTestId('job-submit').click();
    await page.waitForURL(onJobPage);
    const jobPath = new URL(page.url()).pathname;
    const jobId = jobPath.split('/').pop() ?? '';
    expect(await page.getByTestId('job-customer').textContent()).toBe(companyName);
    expect(await page.getByTestId('job-page').getAttribute('data-status')).toBe('new');

    // On the board: a drop on a status the job cannot take is refused and explained…
    await page.getByTestId('job-back').click();
    await page.waitForURL(onPath('/jobs'));
    // The cards bring their allowed moves with the list: dragging loads no job.
    const jobLoads: string[] = [];
    const countJobLoads = (request: Request) => {
      if (request.method() === 'GET' && /^\/api\/jobs\/[^/]+$/.test(new URL(request.url()).pathname)) jobLoads.push(request.url());
    };
    page.on('request', countJobLoads);
    const card = page.locator(`[data-testid="job-card"][data-job-id="${jobId}"]`);
    const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('new');
    await dragCard(page, card, column('completed'));
    await page.getByTestId('board-refused').waitFor();
    expect(await page.getByTestId('board-refused').textContent()).toContain('„Nowe” do „Zakończone”');
    expect(await card.getAttribute('data-status')).toBe('new');

    // …and while the card is dragged, the columns it may go to are highlighted and the others not.
    await dragCard(page, card, column('scheduled'), async () => {
      await poll(() => column('scheduled').getAttribute('data-drop')).toBe('allowed');
      expect(await column('completed').getAttribute('data-drop')).toBe('refused');
      expect(await column('in_progress').getAttribute('data-drop')).toBe('refused');
      // The viewport only: a full-page shot would scroll under the pointer and end the drag.
      await page.screenshot({ path: screenshotPath('e2e-hvac-board-dragging.png') });
    });
    await poll(() => card.getAttribute('data-status')).toBe('scheduled');
    expect(await column('scheduled').locator(`[data-job-id="${jobId}"]`).count()).toBe(1);

    // Without dragging: the card's menu offers the moves allowed now (from the moved job the server answered with).
    await card.getByTestId('job-card-move').click();
    const cardMoves = await card.getByTestId('job-move-select').locator('option').allTextContents();
    expect(cardMoves.some((option) => option.startsWith('Przydzielone'))).toBe(true);
    expect(cardMoves.some((option) => option.startsWith('Zakończone'))).toBe(false);
    await card.getByTestId('job-move-select').selectOption('dispatched');
    await card.getByTestId('job-move-submit').click();
    await poll(() => card.getAttribute('data-status')).toBe('dispatched');
    page.off('request', countJobLoads);
    expect(jobLoads).toEqual([]);
    await page.getByTestId('kpi-strip').waitFor();
    await screenshot(page, 'e2e-hvac-board.png');

    // The job page: moved on to the work, with the history growing.
    await card.getByTestId('job-card-link').click();
    await page.waitForURL(onPath(jobPath));
    const jobPage = page.getByTestId('job-page');
    for (const status of ['en_route', 'in_progress']) {
      await page.getByTestId('job-status-panel').getByTestId('job-move-select').selectOption(status);
      await page.getByTestId('job-status-panel').getByTestId('job-move-submit').click();
      await poll(() => jobPage.getAttribute('data-status')).toBe(status);
    }
    expect(await page.getByTestId('job-history-entry').count()).toBe(4);
    expect(await page.locator('[data-testid="sla-clock"][data-clock="response"]').getAttribute('data-state')).toBe('met');

    // The checklist: the company's list for repairs, one item ticked, one added.
    const firstItem = page.getByTestId('checklist-item').first();
    await firstItem.getByTestId('checklist-check').check();
    await poll(() => firstItem.getAttribute('data-done')).toBe('true');
    await page.getByTestId('checklist-new').fill('Sprawdzić czujnik temperatury zewnętrznej');
    await page.getByTestId('checklist-add').click();
    await page.getByTestId('checklist-item').filter({ hasText: 'czujnik temperatury' }).waitFor();
    expect(await page.getByTestId('checklist-progress').textContent()).toMatch(/^1 z \d+$/);

    // Priced lines: typed in złote, totals per VAT rate as the server computes them.
    await page.getByTestId('lines-edit').click();
    const lines = page.getByTestId('lines-form');
    const firstLine = lines.getByTestId('line-draft').nth(0);
    await firstLine.getByTestId('line-kind').selectOption('part');
    await firstLine.getByTestId('line-description').fill('Czujnik temperatury');
    await firstLine.getByTestId('line-unit-price').fill('100');
    await firstLine.getByTestId('line-vat').selectOption('23');
    await lines.getByTestId('line-add').click();
    const secondLine = lines.getByTestId('line-draft').nth(1);
    await secondLine.getByTestId('line-description').fill('Robocizna');
    await secondLine.getByTestId('line-quantity').fill('1,5');
    await secondLine.getByTestId('line-unit-price').fill('150,50');
    await secondLine.getByTestId('line-discount').fill('10');
    await screenshot(page, 'e2e-hvac-lines-form.png');
    await lines.getByTestId('lines-submit').click();
    await page.getByTestId('lines-table').waitFor();
    // 100.00 + 1.5 × 150.50 × 0.9 = 100.00 + 203.18 = 303.18 net; VAT 23 % on the sum: 69.73.
    expect(plain(await page.getByTestId('totals-net').textContent())).toBe('303,18 zł');
    expect(plain(await page.getByTestId('totals-vat').textContent())).toBe('69,73 zł');
    expect(plain(await page.getByTestId('totals-gross').textContent())).toBe('372,91 zł');
    expect(plain(await page.getByTestId('totals-rate').textContent())).toContain('Stawka 23%');

    // The customer signs on the screen.
    await page.getByTestId('sign-off-name').fill('Jan Nowak');
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (const [x, y] of [[80, 60], [130, 130], [180, 50], [240, 120], [300, 70]] as const) await page.mouse.move(box.x + x, box.y + y, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('sign-off-submit').click();
    const signed = page.getByTestId('sign-off-done');
    await signed.waitFor();
    expect(await signed.textContent()).toContain('Jan Nowak');
    await poll(() => signed.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

    // A photo from the site and a note.
    await page.getByTestId('job-upload-file').setInputFiles({ name: 'jednostka-zewnetrzna.png', mimeType: 'image/png', buffer: onePixelPng });
    const photo = page.getByTestId('job-attachment').filter({ hasText: 'jednostka-zewnetrzna.png' });
    await photo.waitFor();
    expect(await photo.getAttribute('data-content-type')).toBe('image/png');
    await page.getByTestId('job-note-body').fill('Wymieniono czujnik, układ pracuje poprawnie.');
    await page.getByTestId('job-note-submit').click();
    await page.getByTestId('job-note').filter({ hasText: 'Wymieniono czujnik' }).waitFor();
    await screenshot(page, 'e2e-hvac-job.png');

    // F-gas compliance lists the new unit, leading to its register.
    await page.getByTestId('nav-compliance').click();
    await page.waitForURL(onPath('/compliance'));
    await page.getByTestId('compliance-score').waitFor();
    const unitRow = page.getByTestId('compliance-row').filter({ hasText: companyName });
    await unitRow.waitFor();
    expect(await unitRow.getAttribute('data-status')).toBe(fgasStatus);
    await screenshot(page, 'e2e-hvac-compliance.png');

    // Maintenance plans: the demo company has more than a page of them; the next page comes on request.
    await page.getByTestId('nav-maintenance').click();
    await page.waitForURL(onPath('/maintenance'));
    await page.getByTestId('plans-load-more').waitFor();
    expect(await page.getByTestId('plan-card').count()).toBe(50);
    await screenshotViewport(page, 'e2e-hvac-plans.png');
    await page.getByTestId('plans-load-more').click();
    await poll(() => page.getByTestId('plan-card').count()).toBeGreaterThan(50);
    expect(await page.getByTestId('plans-shown').textContent()).toMatch(/^Pokazano \d+ plan/);
    await screenshotViewport(page, 'e2e-hvac-plans-more.png', page.getByTestId('plans-shown'));

    // A plan before the cooling season, found again by words typed without Polish letters; the scheduler run by hand.
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-customer-search').fill(companyName);
    await page.getByTestId('plan-customer-option').filter({ hasText: companyName }).click();
    await poll(() => page.getByTestId('plan-site').inputValue()).not.toBe('');
    await page.getByTestId('plan-title').fill('Przegląd klimatyzacji przed sezonem');
    await page.getByTestId('plan-schedule-cooling').click();
    await page.getByTestId('plan-price').fill('350');
    await screenshotViewport(page, 'e2e-hvac-plan-form.png');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plans-notice').waitFor();
    const stamp = companyName.split(' ').pop() ?? '';
    await page.getByTestId('plans-search').fill(`przeglad KLIMATYZACJI ${stamp}`);
    await page.waitForURL((url) => url.pathname === '/maintenance' && url.searchParams.get('q') === `przeglad KLIMATYZACJI ${stamp}`);
    await poll(() => page.getByTestId('plan-card').count()).toBe(1);
    const plan = page.getByTestId('plan-card').filter({ hasText: 'Przegląd klimatyzacji przed sezonem' });
    expect(plain(await plan.textContent())).toContain('350,00 zł');
    expect(await plan.getByTestId('plan-customer').textContent()).toBe(companyName);
    expect(await plan.getByTestId('plan-address').textContent()).toBe('ul. Puławska 12, Warszawa');
    expect(await page.getByTestId('plans-load-more').count()).toBe(0);
    await page.getByTestId('plans-run').click();
    await poll(async () => (await page.getByTestId('plans-notice').textContent()) ?? '').toMatch(/^Utworzono \d+ zlece(nie|nia|ń) \(stan na /);
    await screenshot(page, 'e2e-hvac-maintenance.png');

    // A technician's phone: the same screens fit 390 px without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, ready, name] of [
      [jobPath, 'sign-off-done', 'e2e-hvac-job-phone.png'],
      ['/jobs', 'job-board', 'e2e-hvac-board-phone.png'],
      [`/customers/${customer.id}?tab=equipment`, 'equipment-card', 'e2e-hvac-equipment-phone.png'],
      ['/compliance', 'compliance-score', 'e2e-hvac-compliance-phone.png'],
      [`/maintenance?q=${stamp}`, 'plan-card', 'e2e-hvac-maintenance-phone.png'],
    ] as const) {
      await page.goto(new URL(path, suite.server.baseUrl).href);
      await page.getByTestId(ready).first().waitFor();
      await fitsWidth(page);
      await screenshot(page, name);
    }
    // The plans' first page on the phone, ending with the button for the next one.
    await page.goto(new URL('/maintenance', suite.server.baseUrl).href);
    await page.getByTestId('plans-load-more').waitFor();
    await fitsWidth(page);
    await screenshotViewport(page, 'e2e-hvac-plans-phone.png');
    await screenshotViewport(page, 'e2e-hvac-plans-more-phone.png', page.getByTestId('plans-load-more'));
    // Editing lines and the F-gas register on the phone.
    await page.goto(new URL(jobPath, suite.server.baseUrl).href);
    await page.getByTestId('lines-edit').click();
    await page.getByTestId('lines-form').waitFor();
    await fitsWidth(page);
    await screenshot(page, 'e2e-hvac-lines-form-phone.png');
    await page.goto(new URL(`/customers/${customer.id}?tab=equipment`, suite.server.baseUrl).href);
    await page.getByTestId('equipment-open').click();
    await page.getByTestId('register-add').click();
    await page.getByTestId('register-form').waitFor();
    await fitsWidth(page);
    await screenshot(page, 'e2e-hvac-register-phone.png');
  }, 180_000);

  it('asks why before a hold or a cancellation, moves by the card menu on a phone, reloads after a stale drop, and saves job settings', async () => {
    const page = await openPage(390, 844);
    await logIn(page);
    const call = apiOf(page);
    const customer = await call<{ id: string }>('POST', '/api/customers', { kind: 'company', companyName: `Serwis Wiśniewski ${Date.now()}` });
    const site = await call<{ id: string }>('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Grójecka', building: '5', postalCode: '02-019', city: 'Warszawa' });
    const job = await call<{ id: string }>('POST', '/api/jobs', { siteId: site.id, type: 'emergency', description: 'Brak ogrzewania, kocioł w blokadzie.' });

    // The phone: the card's menu moves the job, with the reason asked in the same place.
    await page.goto(new URL('/jobs', suite.server.baseUrl).href);
    const card = page.locator(`[data-testid="job-card"][data-job-id="${job.id}"]`);
    await card.waitFor();
    expect(await card.getByTestId('job-priority').getAttribute('data-priority')).toBe('emergency');
    await card.getByTestId('job-card-move').click();
    await card.getByTestId('job-move-select').selectOption('on_hold');
    await card.getByTestId('job-move-submit').click();
    expect(await card.getByTestId('job-move-reason').getAttribute('aria-invalid')).toBe('true');
    await card.getByTestId('job-move-reason').fill('Klient wyjechał, wraca jutro.');
    await card.getByTestId('job-move-submit').click();
    await poll(() => card.getAttribute('data-status')).toBe('on_hold');
    await fitsWidth(page);

    // The desk: dropping the held job back is allowed; cancelling by drag asks for the reason first.
    await page.setViewportSize({ width: 1280, height: 800 });
    const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    await dragCard(page, card, column('new'));
    await poll(() => card.getAttribute('data-status')).toBe('new');
    await page.getByTestId('jobs-show-finished').click();
    await column('cancelled').waitFor();
    // The board loads again with the finished jobs; the card is dragged once it stands still.
    await page.waitForLoadState('networkidle');
    await dragCard(page, card, column('cancelled'));
    const dialog = page.getByTestId('reason-dialog');
    await dialog.getByTestId('reason-dialog-input').waitFor();
    // The drag is over: no column is highlighted behind the question.
    expect(await page.locator('[data-testid="board-column"][data-drop]').count()).toBe(0);
    await screenshot(page, 'e2e-hvac-reason-dialog.png');
    await dialog.getByTestId('reason-dialog-input').fill('Klient naprawił sam.');
    await dialog.getByTestId('reason-dialog-submit').click();
    await poll(() => card.getAttribute('data-status')).toBe('cancelled');

    const history = await call<{ history: Array<{ to: string; reason: string | null }> }>('GET', `/api/jobs/${job.id}`);
    expect(history.history.map((entry) => [entry.to, entry.reason])).toEqual([
      ['on_hold', 'Klient wyjechał, wraca jutro.'],
      ['new', null],
      ['cancelled', 'Klient naprawił sam.'],
    ]);

    // Someone else schedules a job the board still shows as new: dropping it where the board's list
    // says a new job may go is refused by the server (stale version), said so, and the board shows
    // where the job is.
    const other = await call<{ id: string }>('POST', '/api/jobs', { siteId: site.id, type: 'repair', description: 'Cieknie skroplina z jednostki wewnętrznej.' });
    await page.reload();
    const otherCard = page.locator(`[data-testid="job-card"][data-job-id="${other.id}"]`);
    await otherCard.waitFor();
    await call('POST', `/api/jobs/${other.id}/transitions`, { to: 'scheduled', version: 1 });
    await dragCard(page, otherCard, column('scheduled'));
    await page.getByTestId('job-move-error').waitFor();
    await poll(() => otherCard.getAttribute('data-status')).toBe('scheduled');
    const refused = await call<{ history: Array<{ to: string }>; version: number }>('GET', `/api/jobs/${other.id}`);
    expect([refused.history.map((entry) => entry.to), refused.version]).toEqual([['scheduled'], 2]);

    // The company's job settings: an admin shortens the emergency response target.
    await page.getByTestId('jobs-settings').click();
    await page.waitForURL(onPath('/settings/jobs'));
    const emergency = page.locator('[data-testid="settings-target"][data-priority="emergency"]');
    expect(await emergency.locator('input').first().inputValue()).toBe('0,5');
    await emergency.locator('input').first().fill('0,75');
    await page.getByTestId('settings-vat').selectOption('8');
    await page.getByTestId('settings-submit').click();
    await poll(async () => (await page.getByTestId('settings-notice').textContent()) ?? '').toContain('Zapisano');
    const saved = await call<{ slaTargets: { emergency: { responseMinutes: number } }; defaultVatRate: number | null }>('GET', '/api/settings/jobs');
    expect([saved.slaTargets.emergency.responseMinutes, saved.defaultVatRate]).toEqual([45, 8]);
    await screenshot(page, 'e2e-hvac-settings.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(page);
    await screenshot(page, 'e2e-hvac-settings-phone.png');
  }, 120_000);
});
