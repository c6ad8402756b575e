import { describe, expect, it } from 'vitest';
import { findRefrigerant, refrigerants } from './refrigerants.ts';

describe('findRefrigerant', () => {
  it.each(['R-410A', 'R410A', 'r-410a', '410A', 'R 410A', ' r410a ', 'R\u2011410A', 'HFC-410A'])('reads %j as R-410A', (input) => {
    expect(findRefrigerant(input)?.designation).toBe('R-410A');
  });

  it.each([
    ['HFC-134a', 'R-134a'],
    ['r134A', 'R-134a'],
    ['HFC-32', 'R-32'],
    ['HFO-1234yf', 'R-1234yf'],
    ['R1234ZE(E)', 'R-1234ze(E)'],
    ['R-1234ze', 'R-1234ze(E)'],
    ['R600A', 'R-600a'],
    ['HC-290', 'R-290'],
    ['propan', 'R-290'],
    ['Izobutan', 'R-600a'],
    ['CO2', 'R-744'],
    ['NH3', 'R-717'],
    ['HCFC-22', 'R-22'],
    ['r-404a', 'R-404A'],
  ])('reads %j as %s', (input, designation) => {
    expect(findRefrigerant(input)?.designation).toBe(designation);
  });

  it.each(['', 'R-', 'R-410', 'R-410B', '410AA', 'R-999', 'freon'])('finds nothing for %j', (input) => {
    expect(findRefrigerant(input)).toBeNull();
  });

  it('finds every table entry by its own designation and by the bare number', () => {
    for (const refrigerant of refrigerants) {
      expect(findRefrigerant(refrigerant.designation)).toBe(refrigerant);
      expect(findRefrigerant(refrigerant.designation.replace(/^R-/, ''))).toBe(refrigerant);
    }
  });
});

describe('refrigerant table', () => {
  // Published 100-year values (EU labels, 517/2014 and 2024/573 Annex I basis). Blend values are
  // computed from compositions, so these catch a wrong composition or component GWP.
  it.each([
    ['R-32', 675],
    ['R-134a', 1430],
    ['R-410A', 2088],
    ['R-407C', 1774],
    ['R-404A', 3922],
    ['R-407A', 2107],
    ['R-407F', 1825],
    ['R-422D', 2729],
    ['R-448A', 1387],
    ['R-449A', 1397],
    ['R-452A', 2140],
    ['R-452B', 698],
    ['R-454B', 466],
    ['R-454C', 148],
    ['R-507A', 3985],
    ['R-513A', 631],
    ['R-1234yf', 4],
    ['R-1234ze(E)', 7],
    ['R-290', 3],
    ['R-600a', 3],
    ['R-744', 1],
    ['R-717', 0],
    ['R-22', 1810],
  ])('gives %s a GWP of %i', (designation, gwp) => {
    expect(findRefrigerant(designation)?.gwp).toBe(gwp);
  });

  it('lists blend compositions that add up to 100 %', () => {
    const blends = refrigerants.filter((refrigerant) => refrigerant.kind === 'blend');
    expect(blends.length).toBeGreaterThan(10);
    for (const blend of blends) {
      const perMille = blend.composition.reduce((sum, component) => sum + Math.round(component.massPercent * 10), 0);
      expect({ blend: blend.designation, perMille }).toEqual({ blend: blend.designation, perMille: 1000 });
    }
  });

  it.each(['R-290', 'R-600a', 'R-744', 'R-717'])('puts the natural refrigerant %s outside the F-gas leak checks', (designation) => {
    expect(findRefrigerant(designation)).toMatchObject({ kind: 'natural', leakCheckBasis: 'none' });
  });

  it('puts the HCFC R-22 outside the F-gas leak checks, pointing to the ozone regulation', () => {
    const r22 = findRefrigerant('R-22');
    expect(r22).toMatchObject({ kind: 'HCFC', leakCheckBasis: 'none' });
    expect(r22?.note).toContain('2024/590');
  });

  it.each([
    ['R-32', 'HFC', 'co2e'],
    ['R-410A', 'blend', 'co2e'],
    ['R-422D', 'blend', 'co2e'],
    ['R-454B', 'blend', 'co2e'],
    ['R-1234yf', 'HFO', 'mass'],
    ['R-1234ze(E)', 'HFO', 'mass'],
  ])('classes %s as %s measured by %s', (designation, kind, leakCheckBasis) => {
    expect(findRefrigerant(designation)).toMatchObject({ kind, leakCheckBasis });
  });

  it('holds each designation once, with a whole-number GWP and a source', () => {
    const designations = refrigerants.map((refrigerant) => refrigerant.designation);
    expect(new Set(designations).size).toBe(designations.length);
    for (const refrigerant of refrigerants) {
      expect(Number.isInteger(refrigerant.gwp)).toBe(true);
      expect(refrigerant.gwpSource).not.toBe('');
    }
  });
});
