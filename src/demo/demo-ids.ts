// Ids of demo records. Time-ordered UUIDs would differ between runs; these are stable per
// (seed, kind, customer index, n, sub) so a re-seeded demo has the same ids and a second seed
// finds its rows already there. The UUID version nibble says v8, "custom".
const kindCodes = {
  customer: '01',
  contact: '02',
  site: '03',
  note: '04',
  interaction: '05',
  equipment: '06',
  fgasEntry: '07',
  job: '08',
  jobTransition: '09',
  jobLine: '0a',
  plan: '0b',
  occurrence: '0c',
  slaBreach: '0d',
  checklistItem: '0e',
} as const;

export type DemoRecordKind = keyof typeof kindCodes;

// index: the customer's place in the demo (up to 2^40); n: the record's number within the customer
// (0-255); sub: a number within that record (e.g. a job's transitions), kept in the last 12 digits.
export function demoIdFor(seed: number, kind: DemoRecordKind, index: number, n: number, sub = 0): string {
  const hex = (seed % 0x10000).toString(16).padStart(4, '0') + kindCodes[kind] + index.toString(16).padStart(10, '0') + n.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${sub.toString(16).padStart(12, '0')}`;
}
