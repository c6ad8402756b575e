// Which period each KPI looks at, as plain date arithmetic (Europe/Warsaw calendar dates).

// The heating season a readiness figure is about, by the 1 October it starts on: from 1 May
// (cooling season checks done) the coming or current autumn's; before 1 May, last autumn's,
// the season still under way.
export function heatingSeasonStart(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  return asOf.slice(5) >= '05-01' ? `${year}-10-01` : `${year - 1}-10-01`;
}

export function yearBefore(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

// The categories that heat a building: the units a heating season depends on.
export const heatingCategories = ['gas_boiler', 'oil_boiler', 'heat_pump_air_water', 'heat_pump_ground'] as const;

// A repair counts as fixed the first time when it took one visit and no repair or emergency job
// for the same equipment (or the same site, for jobs without equipment) opened within this many
// days after it was completed.
export const firstTimeFixFollowUpDays = 30;

// Nearest-rank would jump between observed values; interpolated percentiles (percentile_cont)
// move smoothly as jobs are added, which is what a trend on a dashboard needs.
export const responseQuantiles = [0.5, 0.9] as const;
