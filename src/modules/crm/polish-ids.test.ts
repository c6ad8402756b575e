import { describe, expect, it } from 'vitest';
import {
  isValidNip,
  normaliseKrs,
  normaliseNip,
  normalisePesel,
  normalisePostalCode,
  normaliseRegon,
  peselBirthDate,
  validatePolishId,
} from './polish-ids.ts';

// Every string that differs from `digits` in exactly one position.
function singleDigitChanges(digits: string): string[] {
  const variants: string[] = [];
  for (let position = 0; position < digits.length; position++) {
    for (const digit of '0123456789') {
      if (digit !== digits[position]) variants.push(digits.slice(0, position) + digit + digits.slice(position + 1));
    }
  }
  return variants;
}

function swapAdjacent(digits: string, position: number): string {
  return digits.slice(0, position) + digits.charAt(position + 1) + digits.charAt(position) + digits.slice(position + 2);
}

const validNips = ['5261040828', '7680002466', '1234563218'];

describe('normaliseNip', () => {
  it.each(validNips)('accepts the valid NIP %s', (nip) => {
    expect(normaliseNip(nip)).toBe(nip);
    expect(isValidNip(nip)).toBe(true);
  });

  it.each(['123-456-32-18', '123 456 32 18', 'PL1234563218', 'pl 123-456-32-18', ' 123-45-63-218 ', '123\u00a0456\u201332\u201318'])(
    'reduces %j to its 10 digits',
    (input) => {
      expect(normaliseNip(input)).toBe('1234563218');
    },
  );

  it.each(['', '123456321', '12345632180', '123456321X', 'DE1234563218', '123.456.32.18', 'PLPL1234563218'])('refuses %j', (input) => {
    expect(normaliseNip(input)).toBeNull();
    expect(isValidNip(input)).toBe(false);
  });

  it('refuses all zeros, which passes the checksum but is a placeholder', () => {
    expect(normaliseNip('0000000000')).toBeNull();
  });

  it('refuses every tenth digit when the weighted sum leaves remainder 10', () => {
    // 1,2,3,4,5,6,7,0,8 weighted 6,5,7,2,3,4,5,6,7 sums to 175 = 15·11 + 10.
    for (const last of '0123456789') expect(normaliseNip(`123456708${last}`)).toBeNull();
  });

  // Holds for every position: each weight is non-zero mod 11 and a digit changes by at most 9, so
  // the sum mod 11 always moves, and 11 is prime.
  it.each(validNips)('refuses every single-digit change of %s', (nip) => {
    const accepted = singleDigitChanges(nip).filter(isValidNip);
    expect(accepted).toEqual([]);
  });

  // Holds among the first nine digits: neighbouring weights differ mod 11. A swap involving the
  // check digit itself is not covered by this argument, so it is not asserted.
  it.each(validNips)('refuses every swap of two different neighbouring digits among the first nine of %s', (nip) => {
    const swaps = [0, 1, 2, 3, 4, 5, 6, 7].map((position) => swapAdjacent(nip, position)).filter((swapped) => swapped !== nip);
    expect(swaps.length).toBeGreaterThan(0);
    expect(swaps.filter(isValidNip)).toEqual([]);
  });
});

describe('normaliseRegon', () => {
  it('accepts a 9-digit REGON', () => {
    expect(normaliseRegon('123456785')).toBe('123456785');
    expect(normaliseRegon(' 123-456-785 ')).toBe('123456785');
  });

  it('accepts a 14-digit REGON of a local unit', () => {
    expect(normaliseRegon('12345678512347')).toBe('12345678512347');
  });

  it('accepts check digit 0 when the weighted sum leaves remainder 10', () => {
    // 1·8 + 5·7 = 43 = 3·11 + 10, so the check digit is 0.
    expect(normaliseRegon('100000050')).toBe('100000050');
    expect(normaliseRegon('100000051')).toBeNull();
  });

  it.each(['', '12345678', '1234567850', '1234567851234', '123456785123470', '12345678A', '000000000', '00000000000000'])('refuses %j', (input) => {
    expect(normaliseRegon(input)).toBeNull();
  });

  it('refuses a 14-digit REGON whose last digit is wrong', () => {
    expect(validatePolishId('regon', '12345678512348')).toMatchObject({ ok: false, rule: 'checksum' });
  });

  it('refuses a 14-digit REGON whose own checksum is right but whose first nine digits are not a REGON', () => {
    expect(normaliseRegon('12345678412341')).toBeNull();
    expect(validatePolishId('regon', '12345678412341')).toMatchObject({ ok: false, rule: 'checksum' });
  });

  it.each(['123456785', '12345678512347'])('refuses every single-digit change of %s', (regon) => {
    expect(singleDigitChanges(regon).filter((variant) => normaliseRegon(variant) !== null)).toEqual([]);
  });

  // Mapping remainder 10 to check digit 0 makes remainders 0 and 10 collide, so a change that moves
  // the sum between them goes unnoticed. Documented here so nobody "fixes" the test above by
  // widening it to every REGON.
  it('cannot catch a single-digit change that moves the remainder between 10 and 0', () => {
    expect(normaliseRegon('100000050')).toBe('100000050');
    expect(normaliseRegon('800000050')).toBe('800000050');
  });
});

describe('normalisePesel', () => {
  it('accepts a valid PESEL and decodes its birth date', () => {
    expect(normalisePesel('44051401359')).toBe('44051401359');
    expect(peselBirthDate('44051401359')).toBe('1944-05-14');
  });

  it('refuses a PESEL with a wrong check digit', () => {
    expect(normalisePesel('44051401358')).toBeNull();
    expect(peselBirthDate('44051401358')).toBeNull();
  });

  it.each([
    ['90810100003', '1890-01-01'],
    ['99123100003', '1999-12-31'],
    ['00222901352', '2000-02-29'],
    ['01410100007', '2101-01-01'],
    ['00610100006', '2200-01-01'],
  ])('decodes the century from the month field of %s', (pesel, birthDate) => {
    expect(normalisePesel(pesel)).toBe(pesel);
    expect(peselBirthDate(pesel)).toBe(birthDate);
  });

  it.each([
    ['44131401350', 'month 13'],
    ['44023001356', '30 February 1944'],
    ['00022901356', '29 February 1900, not a leap year'],
  ])('refuses %s, whose checksum is right but whose date (%s) does not exist', (pesel) => {
    expect(normalisePesel(pesel)).toBeNull();
    expect(validatePolishId('pesel', pesel)).toMatchObject({ ok: false, rule: 'date' });
  });

  it.each(['', '4405140135', '440514013590', '4405140135X'])('refuses %j for its shape', (input) => {
    expect(validatePolishId('pesel', input)).toMatchObject({ ok: false, rule: 'format' });
  });

  // Weights 1, 3, 7, 9 are all coprime with 10, so any single changed digit moves the sum mod 10.
  it('reports every single-digit change of a valid PESEL as a checksum error', () => {
    const rules = new Set(singleDigitChanges('44051401359').map((variant) => validatePolishId('pesel', variant)).map((check) => (check.ok ? 'accepted' : check.rule)));
    expect([...rules]).toEqual(['checksum']);
  });

  // Neighbouring weights differ by an even number, so swapping neighbours that differ by 5 keeps
  // the sum mod 10. Here the month "05" becomes "50" (October 2144), which is a real date.
  it('cannot catch a swap of neighbouring digits that differ by 5', () => {
    expect(normalisePesel(swapAdjacent('44051401359', 2))).toBe('44501401359');
    expect(peselBirthDate('44501401359')).toBe('2144-10-14');
  });
});

describe('normaliseKrs', () => {
  it('keeps a 10-digit KRS and pads a short one with leading zeros', () => {
    expect(normaliseKrs('0000123456')).toBe('0000123456');
    expect(normaliseKrs('123456')).toBe('0000123456');
    expect(normaliseKrs(' 19193 ')).toBe('0000019193');
  });

  it.each(['', '0', '0000000000', '12345678901', 'KRS 123456', '123-456', '12345a'])('refuses %j', (input) => {
    expect(normaliseKrs(input)).toBeNull();
  });
});

describe('normalisePostalCode', () => {
  it.each([
    ['02-495', '02-495'],
    ['02495', '02-495'],
    ['00950', '00-950'],
    ['00-950', '00-950'],
    [' 31 042 ', '31-042'],
    ['80\u2013180', '80-180'],
  ])('reads %j as %s', (input, canonical) => {
    expect(normalisePostalCode(input)).toBe(canonical);
  });

  it.each(['00000', '00-000', '1-234', '12-34', '123-456', '02-4955', 'AB-123', ''])('refuses %j', (input) => {
    expect(normalisePostalCode(input)).toBeNull();
  });
});

describe('validatePolishId', () => {
  it('returns the canonical value on success', () => {
    expect(validatePolishId('nip', 'PL 526-104-08-28')).toEqual({ ok: true, value: '5261040828' });
    expect(validatePolishId('krs', '123')).toEqual({ ok: true, value: '0000000123' });
    expect(validatePolishId('postal_code', '02495')).toEqual({ ok: true, value: '02-495' });
  });

  it('tells a NIP of the wrong length from a NIP with a wrong checksum', () => {
    expect(validatePolishId('nip', '123-456-32')).toEqual({ ok: false, rule: 'format', message: 'NIP must have 10 digits' });
    expect(validatePolishId('nip', '123-456-32-19')).toEqual({ ok: false, rule: 'checksum', message: 'NIP checksum is wrong' });
  });

  it('gives a message for every kind and rule, ready to become a field problem', () => {
    const failures = [
      validatePolishId('regon', '12345'),
      validatePolishId('regon', '123456786'),
      validatePolishId('pesel', '44051401358'),
      validatePolishId('pesel', '44131401350'),
      validatePolishId('krs', 'abc'),
      validatePolishId('postal_code', '00-000'),
    ];
    expect(failures.map((check) => (check.ok ? 'ok' : `${check.rule}: ${check.message}`))).toEqual([
      'format: REGON must have 9 or 14 digits',
      'checksum: REGON checksum is wrong',
      'checksum: PESEL checksum is wrong',
      'date: PESEL encodes a birth date that does not exist',
      'format: KRS must be a number of up to 10 digits',
      'format: Postal code 00-000 does not exist',
    ]);
  });
});
