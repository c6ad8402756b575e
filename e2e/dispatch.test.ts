import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, warsawDateOf } from '../web/src/dispatch-board.ts';
import { chromiumPath } from './browser.ts';
import { screenshotPath, useBrowserSuite } from './browser-suite.ts';

// The dispatch board end to end: a technician and a few jobs with map positions are made through
// the API for a day two weeks ahead (so the test does not depend on the time of day), then the day
// is optimised, the proposal accepted, a visit taken off the plan and dragged back onto the lane,
// and a job needing a skill the technician lacks refused with the server's rule; at 1280 and 390 px.

const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe.runIf(existsSync(chromiumPath))('[browser] dispatch', () => {
  const suite = useBrowserSuite();
  const { openPage, logIn, screenshot } = suite;

  function apiOf(page: Page) {
    return async <T,>(method: string, path: string, data?: unknown): Promise<T> => {
      const response = await page.request.fetch(new URL(path, suite.server.baseUrl).href, { method, ...(data === undefined ? {} : { data }) });
      expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    };
  }

  // A member with a technician profile: invited by the owner, the invitation accepted outside the
  // browser (accepting signs in, which would replace the owner's session in the page).
  async function addTechnician(page: Page, name: string): Promise<string> {
    const call = apiOf(page);
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Date.now()}@technik.test`;
    const invitation = await call<{ token: string }>('POST', '/api/users/invitations', { email, role: 'technician' });
    const accepted = await fetch(new URL('/api/invitations/accept', suite.server.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, name, password: 'technik-password-1' }),
    });
    expect(accepted.status).toBe(200);
    const { user } = (await accepted.json()) as { user: { id: string } };
    const allWeek = Array.from({ length: 7 }, () => ({ start: '07:00', end: '19:00' }));
    const technician = await call<{ id: string }>('POST', '/api/technicians', {
      userId: user.id,
      skills: ['refrigeration', 'electrical'],
      fgasCertificate: { category: 'I', number: 'FGAZ/O/12345/26', expiresOn: addDays(warsawDateOf(new Date()), 400) },
      sepLicence: { number: 'SEP-E-0042', expiresOn: addDays(warsawDateOf(new Date()), 20) },
      homeBase: { label: 'Magazyn Wola', lat: 52.2319, lng: 20.9589 },
      workingHours: allWeek,
      vehicle: 'WX 4821K',
    });
    return technician.id;
  }

  async function addJob(page: Page, date: string, place: { street: string; lat: number; lng: number }, job: { description: string; requiredSkills: string[]; priority?: string }): Promise<{ id: string; customerName: string }> {
    const call = apiOf(page);
    const customerName = `${job.description.split(' ')[0]} ${Date.now()}`;
    const customer = await call<{ id: string }>('POST', '/api/customers', { kind: 'company', companyName: customerName });
    const site = await call<{ id: string }>('POST', `/api/customers/${customer.id}/sites`, { street: place.street, postalCode: '00-950', city: 'Warszawa', lat: place.lat, lng: place.lng });
    const created = await call<{ id: string }>('POST', '/api/jobs', {
      siteId: site.id,
      type: 'repair',
      priority: job.priority ?? 'normal',
      description: job.description,
      windowStart: `${date}T07:00:00.000Z`,
      windowEnd: `${date}T15:00:00.000Z`,
      estimatedMinutes: 60,
      requiredSkills: job.requiredSkills,
    });
    return { id: created.id, customerName };
  }

  // A real pointer drag onto a lane, released at `fraction` of the track's width. The lane is
  // brought to the middle of the screen first; the unassigned list stays docked above it.
  async function dragOnto(page: Page, item: Locator, track: Locator, fraction: number): Promise<void> {
    await track.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await item.evaluate((element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    const from = await item.boundingBox();
    const to = await track.boundingBox();
    if (!from || !to) throw new Error('not visible');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 4 });
    await page.mouse.move(to.x + to.width * fraction, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
  }

  it('optimises a day, accepts the plan, moves a job onto a lane by dragging and shows a refused drop', async () => {
    const page = await openPage();
    await logIn(page);
    const date = addDays(warsawDateOf(new Date()), 14);
    const technicianId = await addTechnician(page, 'Marek Zieliński');
    const planned = [
      await addJob(page, date, { street: 'ul. Puławska 12', lat: 52.2011, lng: 21.0235 }, { description: 'Chłodnia nie trzyma temperatury', requiredSkills: ['refrigeration'], priority: 'high' }),
      await addJob(page, date, { street: 'ul. Grójecka 45', lat: 52.2158, lng: 20.9731 }, { description: 'Klimatyzator cieknie', requiredSkills: ['refrigeration'] }),
      await addJob(page, date, { street: 'ul. Targowa 20', lat: 52.2524, lng: 21.0371 }, { description: 'Przegląd agregatu', requiredSkills: [] }),
    ];
    const gasJob = await addJob(page, date, { street: 'ul. Wołoska 5', lat: 52.1892, lng: 21.0024 }, { description: 'Kocioł gazowy gaśnie', requiredSkills: ['gas'] });

    await page.goto(new URL(`/dispatch?date=${date}&budget=2`, suite.server.baseUrl).href);
    const lane = page.locator(`[data-testid="dispatch-lane"][data-technician-id="${technicianId}"]`);
    await lane.waitFor();
    expect(await lane.getByTestId('dispatch-lane-shift').textContent()).toContain('07:00–19:00');
    const card = (jobId: string) => page.locator(`[data-testid="dispatch-card"][data-job-id="${jobId}"]`);
    for (const job of [...planned, gasJob]) await card(job.id).waitFor();
    expect(await card(gasJob.id).getByTestId('dispatch-skill').textContent()).toBe('gaz');

    // Optimise: the progress bar while the server works, then the proposal naming our technician.
    await page.getByTestId('dispatch-optimise').click();
    await page.getByTestId('dispatch-progress').waitFor();
    const proposal = page.getByTestId('dispatch-proposal');
    await proposal.waitFor();
    await screenshot(page, 'e2e-dispatch-proposal.png');
    expect(await proposal.getByTestId('dispatch-proposal-travel').textContent()).toMatch(/Łączny dojazd: \d+ min/);
    expect(await proposal.textContent()).toContain('Marek Zieliński');

    // Accept: the jobs become blocks on the lanes (the demo company's technicians share them), with
    // the drives before them and the routes on the map.
    await page.getByTestId('dispatch-accept').click();
    await proposal.waitFor({ state: 'detached' });
    await page.getByTestId('dispatch-notice').waitFor();
    const block = (jobId: string) => page.locator(`[data-testid="dispatch-block"][data-job-id="${jobId}"]`);
    for (const job of planned) await block(job.id).waitFor();
    expect(await page.getByTestId('dispatch-travel').count()).toBeGreaterThan(0);
    await poll(() => page.locator('.dispatch-stop').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'e2e-dispatch-board.png');
    expect(await page.locator('path.dispatch-route').count()).toBeGreaterThan(0);

    // Taken off the plan, a job goes back to the unassigned list; dragged onto our technician's
    // lane late in the day, it lands there, locked.
    const [first] = planned;
    if (!first) throw new Error('no job');
    await block(first.id).getByTestId('dispatch-block-remove').click();
    await card(first.id).waitFor();
    expect(await block(first.id).count()).toBe(0);
    const track = lane.getByTestId('dispatch-track');
    await dragOnto(page, card(first.id), track, 0.62);
    await lane.locator(`[data-testid="dispatch-block"][data-job-id="${first.id}"]`).waitFor();
    expect(await block(first.id).getAttribute('data-locked')).toBe('true');
    expect(await card(first.id).count()).toBe(0);

    // A job needing gas (a card, or a block on another lane) onto a technician without it: refused
    // with the rule, the board unchanged.
    const gasItem = page.locator(`[data-job-id="${gasJob.id}"]`);
    const gasWasPlanned = (await block(gasJob.id).count()) === 1;
    const blocksBefore = await lane.getByTestId('dispatch-block').count();
    await dragOnto(page, gasItem, track, 0.3);
    const refused = page.getByTestId('dispatch-refused');
    await refused.waitFor();
    expect(await refused.locator('[data-rule="missing_skill"]').textContent()).toBe('technik nie ma wymaganych umiejętności');
    expect(await lane.getByTestId('dispatch-block').count()).toBe(blocksBefore);
    expect((await block(gasJob.id).count()) === 1).toBe(gasWasPlanned);
    await screenshot(page, 'e2e-dispatch-refused.png');

    // The technicians page: skills, and the SEP licence that runs out in 20 days flagged.
    await page.getByTestId('dispatch-technicians').click();
    const row = page.locator(`[data-testid="technician-row"][data-technician-id="${technicianId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-expiry="soon"]').textContent()).toContain('SEP-E-0042');
    expect(await row.locator('[data-expiry="ok"]').textContent()).toContain('FGAZ/O/12345/26');
    await screenshot(page, 'e2e-dispatch-technicians.png');
    await page.goto(new URL(`/dispatch?date=${date}`, suite.server.baseUrl).href);

    // On a phone: the lanes scroll sideways inside their card, the page does not; the map below.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await lane.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await page.getByTestId('dispatch-lanes').evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    const mapBox = await page.getByTestId('dispatch-map').boundingBox();
    const lanesBox = await page.getByTestId('dispatch-lanes').boundingBox();
    expect(mapBox && lanesBox && mapBox.y > lanesBox.y).toBe(true);
    await screenshot(page, 'e2e-dispatch-phone.png');
    await page.screenshot({ path: screenshotPath('e2e-dispatch-phone-viewport.png') });
  });
});
