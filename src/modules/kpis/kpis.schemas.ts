import { Type, type Static } from '@sinclair/typebox';

const CalendarDate = Type.String({ format: 'date' });
const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: '0..1; null when there is nothing to measure' });
const Minutes = Type.Union([Type.Number(), Type.Null()]);

export const KpiQuery = Type.Object(
  {
    asOf: Type.Optional(Type.String({ format: 'date', description: 'The last day measured (default: today in Warsaw)' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'The first day of the period of rates and times (default: one year before asOf)' })),
  },
  { additionalProperties: false },
);
export type KpiInput = Static<typeof KpiQuery>;

export const KpisSchema = Type.Object({
  asOf: CalendarDate,
  from: CalendarDate,
  heatingReadiness: Type.Object(
    { share: Share, serviced: Type.Integer(), total: Type.Integer(), seasonStart: CalendarDate },
    { description: 'Heating units (boilers, heat pumps) with a maintenance or inspection completed in the year before the season starts' },
  ),
  maintenanceCompletion: Type.Object(
    { rate: Share, completed: Type.Integer(), onTime: Type.Integer(), due: Type.Integer(), from: CalendarDate, to: CalendarDate },
    { description: "Plans' visits due in the period that were completed (onTime: by their due date)" },
  ),
  emergencyResponse: Type.Object(
    { p50Minutes: Minutes, p90Minutes: Minutes, count: Type.Integer(), awaitingArrival: Type.Integer() },
    { description: 'Minutes from opening an emergency job to arrival on site, for emergencies opened in the period' },
  ),
  firstTimeFix: Type.Object(
    { rate: Share, fixed: Type.Integer(), total: Type.Integer() },
    { description: 'Repairs and emergencies completed in the period with one visit and no repeat repair within 30 days' },
  ),
  fgasCompliance: Type.Object(
    { score: Share, inScope: Type.Integer(), overdue: Type.Integer(), asOf: CalendarDate },
    { description: 'Share of equipment under the F-gas leak-check rules with no overdue check, today' },
  ),
});
export type Kpis = Static<typeof KpisSchema>;
