import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLineItem,
  chooseDefaultVatRate,
  computeTotals,
  lineItemKinds,
  parseDiscountPercent,
  parseQuantity,
  priceLine,
  vatRates,
  type DecimalCheck,
  type JobTotals,
  type LineItem,
  type LineItemKind,
  type PremisesKind,
  type VatRate,
  type VatWorkKind,
} from './job-pricing.ts';

const line = (quantityThousandths: number, unitPriceGrosze: number, vatRate: VatRate, more: Partial<LineItem> = {}): LineItem => ({
  kind: 'labour',
  description: 'Serwis',
  quantityThousandths,
  unitPriceGrosze,
  vatRate,
  ...more,
});

describe('priceLine', () => {
  it.each<[string, LineItem, number, number]>([
    ['1.5 h of labour at 150.00 zł', line(1500, 15000, 23), 22500, 0],
    ['2.25 m of pipe at 12.99 zł (2922.75 gr up)', line(2250, 1299, 23, { kind: 'part' }), 2923, 0],
    ['3 × 33.33 zł less 10 % (8999.1 gr down)', line(3000, 3333, 23, { discountBasisPoints: 1000 }), 8999, 1000],
    ['0.5 × 0.01 zł (half a grosz up)', line(500, 1, 23), 1, 0],
    ['0.5 × −0.01 zł (half a grosz away from zero)', line(500, -1, 23), -1, 0],
    ['0.001 × 4.99 zł (0.499 gr down)', line(1, 499, 23), 0, 0],
    ['0.001 × 5.00 zł (0.5 gr up)', line(1, 500, 23), 1, 0],
    ['1 × 0.04 zł less 12.5 % (3.5 gr up)', line(1000, 4, 23, { discountBasisPoints: 1250 }), 4, 0],
    ['2 × 80.00 zł less 100 %', line(2000, 8000, 8, { discountBasisPoints: 10000 }), 0, 16000],
  ])('prices %s', (_name, item, netGrosze, discountGrosze) => {
    expect(priceLine(item)).toEqual({ ...item, netGrosze, discountGrosze });
  });
});

describe('computeTotals', () => {
  it('computes VAT once on the net sum of each rate, not line by line', () => {
    // Per line: 0.46 gr rounds to 0 three times; on the sum: 1.38 gr rounds to 1.
    expect(computeTotals([line(1000, 2, 23), line(1000, 2, 23), line(1000, 2, 23)])).toMatchObject({
      byRate: [{ rate: 23, netGrosze: 6, vatGrosze: 1, grossGrosze: 7 }],
      netGrosze: 6,
      vatGrosze: 1,
      grossGrosze: 7,
    });
    // Per line: 0.5 and 0.6 gr round to 1 each; on the sum: 1.1 gr rounds to 1.
    expect(computeTotals([line(1000, 10, 5), line(1000, 12, 5)]).vatGrosze).toBe(1);
  });

  it('totals a boiler service invoice with two rates, checked by hand', () => {
    const sut = computeTotals([
      line(2000, 18000, 8, { description: 'Przegląd kotła, 2 h' }),
      line(1000, 4555, 8, { kind: 'part', description: 'Filtr' }),
      line(1000, 5999, 23, { kind: 'other', description: 'Dojazd', discountBasisPoints: 1000 }),
    ]);
    expect(sut.lines.map((each) => [each.netGrosze, each.discountGrosze])).toEqual([
      [36000, 0],
      [4555, 0],
      [5399, 600],
    ]);
    expect(sut.byRate).toEqual([
      { rate: 23, netGrosze: 5399, vatGrosze: 1242, grossGrosze: 6641 }, // 1241.77
      { rate: 8, netGrosze: 40555, vatGrosze: 3244, grossGrosze: 43799 }, // 3244.4
    ]);
    expect([sut.netGrosze, sut.vatGrosze, sut.grossGrosze]).toEqual([45954, 4486, 50440]);
  });

  it('lists the rates present, highest first', () => {
    const sut = computeTotals([line(1000, 100, 0), line(1000, 100, 5), line(1000, 100, 23), line(1000, 100, 8)]);
    expect(sut.byRate.map((group) => group.rate)).toEqual([23, 8, 5, 0]);
    expect(sut.byRate.map((group) => group.vatGrosze)).toEqual([23, 8, 5, 0]);
  });

  it('subtracts a rebate line and rounds a correction to the mirror of its original', () => {
    expect(computeTotals([line(1000, 10000, 23), line(1000, -1000, 23, { kind: 'other' })])).toMatchObject({ netGrosze: 9000, vatGrosze: 2070, grossGrosze: 11070 });
    // 2.5 gr of VAT: up for the invoice, down for its correction.
    expect(computeTotals([line(1000, 50, 5)]).vatGrosze).toBe(3);
    expect(computeTotals([line(1000, -50, 5)]).vatGrosze).toBe(-3);
  });

  it('totals no lines to zero', () => {
    expect(computeTotals([])).toEqual({ lines: [], byRate: [], netGrosze: 0, vatGrosze: 0, grossGrosze: 0 });
  });

  it('refuses a line that has not been checked', () => {
    expect(() => computeTotals([line(1.5, 15000, 23)])).toThrow(RangeError);
    expect(() => computeTotals([line(1500, 15000, Number('7') as VatRate)])).toThrow(/vatRate must be one of 23, 8, 5, 0/);
  });
});

describe('computeTotals with random lines', () => {
  const lineArbitrary = fc.record({
    kind: fc.constantFrom(...lineItemKinds),
    description: fc.constantFrom('Robocizna', 'Czynnik R32', 'Dojazd'),
    // small values hit rounding ties often; large ones check there is no floating-point drift
    quantityThousandths: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 10_000_000 })),
    unitPriceGrosze: fc.oneof(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -100_000_000, max: 100_000_000 })),
    vatRate: fc.constantFrom(...vatRates),
    discountBasisPoints: fc.option(fc.oneof(fc.constantFrom(0, 1250, 5000, 10_000), fc.integer({ min: 0, max: 10_000 })), { nil: undefined }),
  });
  const linesArbitrary = fc.array(lineArbitrary, { maxLength: 25 });

  // `rounded` is numerator / denominator rounded half away from zero: within half a unit, and a
  // tie goes away from zero. Exact, in BigInt; independent of how the module rounds.
  function isRoundedHalfAwayFromZero(rounded: number, numerator: bigint, denominator: bigint): boolean {
    const error = BigInt(rounded) * denominator - numerator;
    const twice = 2n * (error < 0n ? -error : error);
    if (twice !== denominator) return twice < denominator;
    return numerator > 0n ? error > 0n : error < 0n;
  }

  const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);

  it('keeps every amount an integer and every total the sum of its parts', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const sut = computeTotals(lines);
        const amounts = [
          ...sut.lines.flatMap((each) => [each.netGrosze, each.discountGrosze]),
          ...sut.byRate.flatMap((group) => [group.netGrosze, group.vatGrosze, group.grossGrosze]),
          sut.netGrosze,
          sut.vatGrosze,
          sut.grossGrosze,
        ];
        expect(amounts.every(Number.isSafeInteger)).toBe(true);
        expect(sut.byRate.map((group) => group.rate)).toEqual(vatRates.filter((rate) => lines.some((each) => each.vatRate === rate)));
        for (const group of sut.byRate) {
          expect(group.netGrosze).toBe(sumOf(sut.lines.filter((each) => each.vatRate === group.rate).map((each) => each.netGrosze)));
          expect(group.grossGrosze).toBe(group.netGrosze + group.vatGrosze);
        }
        expect(sut.netGrosze).toBe(sumOf(sut.lines.map((each) => each.netGrosze)));
        expect(sut.netGrosze).toBe(sumOf(sut.byRate.map((group) => group.netGrosze)));
        expect(sut.vatGrosze).toBe(sumOf(sut.byRate.map((group) => group.vatGrosze)));
        expect(sut.grossGrosze).toBe(sut.netGrosze + sut.vatGrosze);
      }),
    );
  });

  it('rounds each line net and each rate’s VAT to the nearest grosz, half away from zero', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const sut = computeTotals(lines);
        for (const each of sut.lines) {
          const value = BigInt(each.quantityThousandths) * BigInt(each.unitPriceGrosze);
          const kept = BigInt(10_000 - (each.discountBasisPoints ?? 0));
          expect(isRoundedHalfAwayFromZero(each.netGrosze, value * kept, 10_000_000n)).toBe(true);
          expect(isRoundedHalfAwayFromZero(each.netGrosze + each.discountGrosze, value, 1000n)).toBe(true);
        }
        for (const group of sut.byRate) {
          expect(isRoundedHalfAwayFromZero(group.vatGrosze, BigInt(group.netGrosze) * BigInt(group.rate), 100n)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    const linesAndShuffled = linesArbitrary.chain((lines) =>
      fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })),
    );
    fc.assert(
      fc.property(linesAndShuffled, ([lines, shuffled]) => {
        const { lines: priced, ...totals } = computeTotals(lines);
        const { lines: pricedShuffled, ...totalsShuffled } = computeTotals(shuffled);
        expect(totalsShuffled).toEqual(totals);
        expect(priced).toEqual(lines.map(priceLine));
        expect(pricedShuffled).toEqual(shuffled.map(priceLine));
      }),
    );
  });

  it('gives a correction (every price negated) exactly the negated totals', () => {
    const negate = (value: number) => (value === 0 ? 0 : -value);
    const negated = (totals: JobTotals) => ({
      byRate: totals.byRate.map((group) => ({ rate: group.rate, netGrosze: negate(group.netGrosze), vatGrosze: negate(group.vatGrosze), grossGrosze: negate(group.grossGrosze) })),
      netGrosze: negate(totals.netGrosze),
      vatGrosze: negate(totals.vatGrosze),
      grossGrosze: negate(totals.grossGrosze),
    });
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const { lines: _lines, ...correction } = computeTotals(lines.map((each) => ({ ...each, unitPriceGrosze: negate(each.unitPriceGrosze) })));
        expect(correction).toEqual(negated(computeTotals(lines)));
      }),
    );
  });
});

interface ParserCases {
  parse: (value: string | number) => DecimalCheck;
  unit: string;
  reads: [string | number, number][];
  refuses: [string | number, 'format' | 'range'][];
}

const parserCases: ParserCases[] = [
  {
    parse: parseQuantity,
    unit: 'thousandths',
    reads: [
      ['1.5', 1500],
      ['2,25', 2250],
      [1.5, 1500],
      [2, 2000],
      ['1.500', 1500],
      [' 3 ', 3000],
      ['0.001', 1],
      ['1000000', 1_000_000_000],
    ],
    refuses: [
      ['1.2345', 'format'],
      ['-1', 'format'],
      ['abc', 'format'],
      ['', 'format'],
      ['1e3', 'format'],
      ['1.5.2', 'format'],
      [0.1 + 0.2, 'format'],
      [Number.NaN, 'format'],
      ['0', 'range'],
      ['0.000', 'range'],
      ['1000000.001', 'range'],
    ],
  },
  {
    parse: parseDiscountPercent,
    unit: 'basis points',
    reads: [
      ['12.5', 1250],
      [10, 1000],
      ['0', 0],
      ['100', 10_000],
      ['33,33', 3333],
    ],
    refuses: [
      ['100.01', 'range'],
      ['12.345', 'format'],
      ['-5', 'format'],
    ],
  },
];

for (const { parse, unit, reads, refuses } of parserCases) {
  describe(parse.name, () => {
    it.each(reads)(`reads %j as %i ${unit}`, (input, value) => {
      expect(parse(input)).toEqual({ ok: true, value });
    });

    it.each(refuses)('refuses %j (%s)', (input, rule) => {
      expect(parse(input)).toMatchObject({ ok: false, rule });
    });
  });
}

describe('checkLineItem', () => {
  it('accepts a well-formed line', () => {
    expect(checkLineItem(line(1500, 15000, 23, { discountBasisPoints: 500 }))).toEqual([]);
  });

  it('names every broken field under the given path', () => {
    const broken: LineItem = {
      kind: String('service') as LineItemKind,
      description: '  ',
      quantityThousandths: 1.5,
      unitPriceGrosze: 10.5,
      vatRate: Number('7') as VatRate,
      discountBasisPoints: 10_001,
    };
    expect(checkLineItem(broken, '/body/lines/0').map((problem) => `${problem.field} ${problem.rule}`)).toEqual([
      '/body/lines/0/kind enum',
      '/body/lines/0/description required',
      '/body/lines/0/quantityThousandths range',
      '/body/lines/0/unitPriceGrosze range',
      '/body/lines/0/vatRate enum',
      '/body/lines/0/discountBasisPoints range',
    ]);
  });
});

describe('chooseDefaultVatRate', () => {
  it.each<[PremisesKind, number | null, VatWorkKind, VatRate]>([
    ['flat', 60, 'works', 8],
    ['flat', 150, 'works', 8],
    ['flat', 151, 'works', 23],
    ['house', 300, 'works', 8],
    ['house', 301, 'works', 23],
    ['house', null, 'works', 23],
    ['flat', 200, 'maintenance', 8],
    ['house', null, 'maintenance', 8],
    ['non_residential', 80, 'works', 23],
    ['non_residential', 80, 'maintenance', 23],
  ])('charges a %s of %s m² for %s at %i %%', (kind, usableAreaM2, work, rate) => {
    expect(chooseDefaultVatRate({ kind, usableAreaM2 }, work)).toBe(rate);
  });

  it('lets the tenant’s own rate win', () => {
    expect(chooseDefaultVatRate({ kind: 'flat', usableAreaM2: 60 }, 'works', 23)).toBe(23);
    expect(chooseDefaultVatRate({ kind: 'non_residential', usableAreaM2: null }, 'works', 8)).toBe(8);
    expect(chooseDefaultVatRate({ kind: 'flat', usableAreaM2: 60 }, 'works', null)).toBe(8);
  });
});
