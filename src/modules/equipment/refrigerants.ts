// Refrigerants a Polish HVAC service firm meets, with the GWP and leak-check scope that Regulation
// (EU) 2024/573 (the F-gas Regulation) gives them. Pure data and one lookup; the leak-check rules
// that read it are in fgas-rules.ts.
import { AppError } from '../../core/errors.ts';

export type RefrigerantKind = 'HFC' | 'HFO' | 'blend' | 'natural' | 'HCFC';

// How Art. 5 of 2024/573 measures a charge: gases of Annex I (HFCs, and mixtures containing them)
// in tonnes of CO2 equivalent, gases of Annex II Section 1 (HFOs) in kilograms of gas.
// 'none': outside the F-gas leak-check rules.
export type LeakCheckBasis = 'co2e' | 'mass' | 'none';

export interface BlendComponent {
  designation: string;
  massPercent: number; // at most one decimal, as ASHRAE 34 / ISO 817 state compositions
}

export interface Refrigerant {
  designation: string; // canonical spelling, e.g. 'R-410A'
  kind: RefrigerantKind;
  gwp: number; // 100-year GWP, a whole number
  gwpSource: string;
  leakCheckBasis: LeakCheckBasis;
  composition: readonly BlendComponent[]; // empty for a single substance
  note: string | null;
}

type SubstanceKind = Exclude<RefrigerantKind, 'blend'>;

interface Substance {
  designation: string;
  kind: SubstanceKind;
  gwp: number;
  gwpSource: string;
  note?: string;
}

const basisByKind: Record<SubstanceKind, LeakCheckBasis> = {
  HFC: 'co2e',
  HFO: 'mass',
  natural: 'none',
  // Ozone-depleting: governed by Regulation (EU) 2024/590, not by the F-gas leak-check article.
  HCFC: 'none',
};

// 2024/573 kept the IPCC AR4 100-year values of 517/2014 in Annex I (AR6 20-year values were added
// beside them for information only).
const annexI = '2024/573 Annex I Section 1 (IPCC AR4 100-year value, as in 517/2014)';
// Verify against the Official Journal: these are the 517/2014 Annex II values; a restated figure
// would move HFO-rich blends by a unit or two, never across a leak-check threshold.
const annexIISection1 = '2024/573 Annex II Section 1 (value of 517/2014 Annex II)';
const annexVINonFluorinated = '2024/573 Annex VI, GWPs of non-fluorinated components (as 517/2014 Annex IV)';

const substances: readonly Substance[] = [
  { designation: 'R-23', kind: 'HFC', gwp: 14_800, gwpSource: annexI },
  { designation: 'R-32', kind: 'HFC', gwp: 675, gwpSource: annexI },
  { designation: 'R-125', kind: 'HFC', gwp: 3_500, gwpSource: annexI },
  { designation: 'R-134a', kind: 'HFC', gwp: 1_430, gwpSource: annexI },
  { designation: 'R-143a', kind: 'HFC', gwp: 4_470, gwpSource: annexI },
  { designation: 'R-152a', kind: 'HFC', gwp: 124, gwpSource: annexI },
  { designation: 'R-227ea', kind: 'HFC', gwp: 3_220, gwpSource: annexI },
  { designation: 'R-1234yf', kind: 'HFO', gwp: 4, gwpSource: annexIISection1 },
  { designation: 'R-1234ze(E)', kind: 'HFO', gwp: 7, gwpSource: annexIISection1 },
  { designation: 'R-290', kind: 'natural', gwp: 3, gwpSource: annexVINonFluorinated, note: 'propane' },
  { designation: 'R-600a', kind: 'natural', gwp: 3, gwpSource: annexVINonFluorinated, note: 'isobutane' },
  { designation: 'R-744', kind: 'natural', gwp: 1, gwpSource: 'the reference gas of GWP (2024/573 Art. 3(1))', note: 'carbon dioxide' },
  { designation: 'R-717', kind: 'natural', gwp: 0, gwpSource: 'ammonia is not a greenhouse gas in the IPCC assessments', note: 'ammonia' },
  {
    designation: 'R-22',
    kind: 'HCFC',
    gwp: 1_810,
    gwpSource: 'IPCC AR4 100-year value, for information (HCFC-22 is in no F-gas annex)',
    note: 'ozone-depleting; leak checks and the servicing ban come from Regulation (EU) 2024/590, not from the F-gas rules',
  },
];

// Compositions by mass (ASHRAE 34 / ISO 817). Their GWPs are not typed in: they follow from the
// components, so the table cannot disagree with itself.
const blendCompositions: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'R-404A': { 'R-125': 44, 'R-143a': 52, 'R-134a': 4 },
  'R-407A': { 'R-32': 20, 'R-125': 40, 'R-134a': 40 },
  'R-407C': { 'R-32': 23, 'R-125': 25, 'R-134a': 52 },
  'R-407F': { 'R-32': 30, 'R-125': 30, 'R-134a': 40 },
  'R-410A': { 'R-32': 50, 'R-125': 50 },
  'R-422D': { 'R-125': 65.1, 'R-134a': 31.5, 'R-600a': 3.4 },
  'R-448A': { 'R-32': 26, 'R-125': 26, 'R-1234yf': 20, 'R-134a': 21, 'R-1234ze(E)': 7 },
  'R-449A': { 'R-32': 24.3, 'R-125': 24.7, 'R-1234yf': 25.3, 'R-134a': 25.7 },
  'R-452A': { 'R-1234yf': 30, 'R-32': 11, 'R-125': 59 },
  'R-452B': { 'R-32': 67, 'R-125': 7, 'R-1234yf': 26 },
  'R-454B': { 'R-32': 68.9, 'R-1234yf': 31.1 },
  'R-454C': { 'R-32': 21.5, 'R-1234yf': 78.5 },
  'R-507A': { 'R-125': 50, 'R-143a': 50 },
  'R-513A': { 'R-1234yf': 56, 'R-134a': 44 },
};

const substanceByDesignation = new Map(substances.map((substance) => [substance.designation, substance]));

function getSubstanceOrFail(designation: string): Substance {
  const substance = substanceByDesignation.get(designation);
  if (!substance) throw new AppError('internal', `Blend component ${designation} is not in the refrigerant table`);
  return substance;
}

// Annex VI: a mixture's GWP is the sum of mass fraction × GWP over its components, non-fluorinated
// ones included. Summed as per-mille × GWP integers, then rounded to a whole number as labels and
// published tables state it (R-410A: 2087.5 → 2088).
function calculateBlendGwp(composition: readonly BlendComponent[]): number {
  let perMilleGwp = 0;
  for (const component of composition) {
    perMilleGwp += Math.round(component.massPercent * 10) * getSubstanceOrFail(component.designation).gwp;
  }
  return Math.round(perMilleGwp / 1000);
}

// Art. 2(a) covers the listed gases "whether alone or as mixtures": a blend containing any Annex I
// gas is measured in CO2e like one; a blend of HFOs alone is counted in kg like an HFO.
function deriveBlendBasis(composition: readonly BlendComponent[]): LeakCheckBasis {
  const bases = new Set(composition.map((component) => basisByKind[getSubstanceOrFail(component.designation).kind]));
  if (bases.has('co2e')) return 'co2e';
  if (bases.has('mass')) return 'mass';
  return 'none';
}

function toRefrigerant(substance: Substance): Refrigerant {
  return {
    designation: substance.designation,
    kind: substance.kind,
    gwp: substance.gwp,
    gwpSource: substance.gwpSource,
    leakCheckBasis: basisByKind[substance.kind],
    composition: [],
    note: substance.note ?? null,
  };
}

function toBlend(designation: string, massPercentByComponent: Readonly<Record<string, number>>): Refrigerant {
  const composition = Object.entries(massPercentByComponent).map(([component, massPercent]) => ({ designation: component, massPercent }));
  return {
    designation,
    kind: 'blend',
    gwp: calculateBlendGwp(composition),
    gwpSource: '2024/573 Annex VI: mass-weighted sum of the component GWPs',
    leakCheckBasis: deriveBlendBasis(composition),
    composition,
    note: null,
  };
}

export const refrigerants: readonly Refrigerant[] = [
  ...substances.map(toRefrigerant),
  ...Object.entries(blendCompositions).map(([designation, composition]) => toBlend(designation, composition)),
];

// Other names for a refrigerant: chemical names (Polish and English), and "R-1234ze", which in the
// trade always means the (E) isomer.
const aliases: Readonly<Record<string, string>> = {
  '1234ze': 'R-1234ze(E)',
  propane: 'R-290',
  propan: 'R-290',
  isobutane: 'R-600a',
  izobutan: 'R-600a',
  co2: 'R-744',
  ammonia: 'R-717',
  amoniak: 'R-717',
  nh3: 'R-717',
};

// "R-410A", "R410A", "r 410a", "410A" and "HFC-410A" share one key: case, spaces, dashes and
// parentheses dropped, and the R / HFC / HFO / HCFC / HC prefix removed.
function toLookupKey(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015\u2212_()]/g, '')
    .replace(/^(r|hfc|hfo|hcfc|hcfo|hc)(?=\d)/, '');
}

const refrigerantByKey = new Map<string, Refrigerant>(refrigerants.map((refrigerant) => [toLookupKey(refrigerant.designation), refrigerant]));
for (const [alias, designation] of Object.entries(aliases)) {
  const refrigerant = refrigerantByKey.get(toLookupKey(designation));
  if (refrigerant) refrigerantByKey.set(toLookupKey(alias), refrigerant);
}

// The refrigerant a technician or an import file names, in any common spelling; null when unknown
// (a near miss such as "R-410" is not guessed: R-410A and R-410B are different gases).
export function findRefrigerant(input: string): Refrigerant | null {
  return refrigerantByKey.get(toLookupKey(input)) ?? null;
}
