import type { VatPremises } from '../modules/jobs/job-pricing.ts';
import { addWorkingDays, hourMs, minuteMs, warsawDate } from './demo-calendar.ts';
import type { DemoCustomerBundle } from './demo-crm-data.ts';
import { chooseSiteCategories } from './demo-equipment-data.ts';
import { cancelReasons, inspectionSubjects } from './demo-hvac-catalogue.ts';
import { occasionalMaintenance, serviceFaults } from './demo-hvac-faults.ts';
import { leakCheckHistory } from './demo-hvac-fgas.ts';
import { agreeSitePlans } from './demo-hvac-plans.ts';
import { CustomerRecords, emptyDemoHvac, type DemoHvac, type DemoHvacOptions, type Site } from './demo-hvac-records.ts';
import { placeUnit, windowAround } from './demo-hvac-units.ts';
import { bookedAhead, visitSlot } from './demo-visits.ts';

// The HVAC side of the demo company for a chunk of its customers: equipment at their sites, two
// years of service jobs walked through the job lifecycle up to the anchor, the F-gas register those
// jobs wrote, maintenance plans with the jobs the scheduler made, and the SLA breaches the breach
// watcher recorded. Pure and deterministic: the same seed, anchor, staff and customers give the
// same records with the same ids, whatever the chunk (each customer has its own random stream).
export function generateDemoHvac(bundles: readonly DemoCustomerBundle[], firstIndex: number, options: DemoHvacOptions): DemoHvac {
  const out = emptyDemoHvac();
  bundles.forEach((bundle, i) => generateCustomerHistory(new CustomerRecords(options, bundle, firstIndex + i, out)));
  return out;
}

function generateCustomerHistory(records: CustomerRecords): void {
  const { customer, sites } = records.bundle;
  if (customer.status === 'lead') {
    const [site] = sites;
    if (site && records.chance(0.5)) inspectionJob(records, site);
    return;
  }
  for (const site of sites) {
    const premises = premisesOf(site);
    const units = chooseSiteCategories(records.market, site.flat !== null, records.random).flatMap((category) => placeUnit(records, site, category, premises) ?? []);
    agreeSitePlans(records, units, site);
    for (const unit of units) {
      serviceFaults(records, unit);
      if (!unit.hasPlan) occasionalMaintenance(records, unit);
      leakCheckHistory(records, unit);
    }
  }
}

// As the jobs service reads the site for a job's VAT rate: the demo's homes are within the
// social-housing limits, so work there is at 8 %, at a company's premises at 23 %.
function premisesOf(site: Site): VatPremises {
  return { kind: site.premisesKind, usableAreaM2: site.usableAreaM2 };
}

// A prospective customer: the firm looks at the place before quoting, free of charge.
function inspectionJob(records: CustomerRecords, site: Site): void {
  const { createdAt } = records.bundle.customer;
  const visitAt = visitSlot(addWorkingDays(warsawDate(createdAt), records.between(1, 6)), records.random);
  const callAt = bookedAhead(visitAt, records.between(1, 2), 72, records.random);
  if (callAt < createdAt) return;
  records.addVisitJob(
    {
      type: 'inspection',
      priority: 'low',
      description: records.pick(inspectionSubjects),
      site,
      equipmentId: null,
      requested: true,
      createdAt: callAt,
      createdBy: records.dispatcher(),
      window: windowAround(visitAt),
      estimatedMinutes: 60,
      skills: [],
    },
    {
      scheduledAt: new Date(callAt.getTime() + records.between(5, 120) * minuteMs),
      visitAt,
      workMinutes: records.between(40, 90),
      emergency: false,
      hold: null,
      lines: [],
      billing: 'no_charge',
      cancel: records.chance(0.1) ? { at: new Date(callAt.getTime() + records.between(2, 48) * hourMs), reason: records.pick(cancelReasons) } : null,
    },
  );
}
