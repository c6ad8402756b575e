import { describe, expect, it } from 'vitest';
import { isValidNip } from '../modules/crm/polish-ids.ts';
import { normalisePhone } from '../modules/crm/contact-points.ts';
import { generateWarsawDemoRegions } from '../modules/regions/warsaw-demo-regions.ts';
import { createRegionLocator } from '../modules/regions/region-geometry.ts';
import { generateDemoCustomers, nipForIndex } from './demo-crm-data.ts';

const regions = generateWarsawDemoRegions().map((region, i) => ({ ...region, id: `r${i}` }));
const options = { seed: 3, count: 300, anchor: new Date('2026-11-01T00:00:00Z'), regions };

describe('demo CRM data', () => {
  it('gives every index a distinct, valid NIP', () => {
    const nips = Array.from({ length: 20_000 }, (_, i) => nipForIndex(i));
    expect(nips.every(isValidNip)).toBe(true);
    expect(new Set(nips).size).toBe(nips.length);
  });

  it('is deterministic for a seed and differs between chunks', () => {
    const first = [...generateDemoCustomers(options)];
    expect([...generateDemoCustomers(options)]).toEqual(first);
    const next = [...generateDemoCustomers({ ...options, firstIndex: 300 })];
    expect(next.map((b) => b.customer.id)).not.toContain(first[0]?.customer.id);
    expect(next.map((b) => b.customer.name).slice(0, 20)).not.toEqual(first.map((b) => b.customer.name).slice(0, 20));
  });

  it('places every site inside the region it names, with a Warsaw postal code', () => {
    const locator = createRegionLocator(regions);
    for (const bundle of generateDemoCustomers(options)) {
      for (const site of bundle.sites) {
        expect(locator.locate(site.lat, site.lng)?.id).toBe(site.regionId);
        expect(site.postalCode).toMatch(/^0[0-4]-\d{3}$/);
      }
    }
  });

  it('gives contacts phone numbers that pass validation', () => {
    for (const bundle of generateDemoCustomers(options)) for (const contact of bundle.contacts) expect(normalisePhone(contact.phone)).toMatchObject({ ok: true, e164: contact.phone });
  });

  it('spreads interactions over the two years before the anchor', () => {
    const times = [...generateDemoCustomers(options)].flatMap((b) => b.interactions.map((i) => i.at.getTime()));
    const anchor = options.anchor.getTime();
    expect(Math.max(...times)).toBeLessThanOrEqual(anchor);
    expect(Math.min(...times)).toBeGreaterThan(anchor - 731 * 86_400_000);
    expect(Math.min(...times)).toBeLessThan(anchor - 365 * 86_400_000);
  });
});
